package dev.aisecurity.onnx;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A static token-embedding table distilled from a sentence encoder (the model2vec idea):
 * one vector per vocabulary token, computed once offline by running the encoder on the
 * token alone. A text's embedding is then the weighted mean of its tokens' vectors, which
 * costs table look-ups instead of a transformer run. Immutable and thread-safe.
 * <p>
 * Stored compactly: each row is int8 with its own float scale (symmetric quantisation),
 * plus one float weight per token (frequent tokens weigh less). Binary layout,
 * big-endian: the magic {@code AISTATIC}, version {@code 1}, a flags int (bit 0: scale
 * the mean to unit length; bit 1: the encoder's special tokens, such as {@code [CLS]} and
 * {@code [SEP]}, count in the mean), the token count {@code V} and dimensions {@code D},
 * then {@code V} float weights, {@code V} float scales and {@code V * D} int8 values, row
 * by row.
 */
public final class StaticEmbeddings {

	private static final long MAGIC = 0x4149535441544943L; // "AISTATIC"

	private static final int VERSION = 1;

	private static final int UNIT_LENGTH = 1;

	private static final int SPECIAL_TOKENS = 2;

	private final int dimensions;

	private final float[] weights;

	private final float[] scales;

	private final byte[] values;

	private final int flags;

	private StaticEmbeddings(int dimensions, float[] weights, float[] scales, byte[] values, int flags) {
		this.dimensions = dimensions;
		this.weights = weights;
		this.scales = scales;
		this.values = values;
		this.flags = flags;
	}

	/**
	 * Quantise a float table.
	 * @param table one row per token id
	 * @param weights the weight of every token in a mean
	 * @param unitLength whether a text's mean is scaled to unit length
	 * @param specialTokens whether the encoder's special tokens count in the mean
	 * @return the quantised table
	 */
	public static StaticEmbeddings quantize(float[][] table, float[] weights, boolean unitLength,
			boolean specialTokens) {
		if (table.length == 0 || weights.length != table.length) {
			throw new IllegalArgumentException("Need one weight per row of a non-empty table");
		}
		int dimensions = table[0].length;
		float[] scales = new float[table.length];
		byte[] values = new byte[table.length * dimensions];
		for (int t = 0; t < table.length; t++) {
			float max = 0;
			for (float value : table[t]) {
				max = Math.max(max, Math.abs(value));
			}
			float scale = (max > 0) ? max / 127 : 1;
			scales[t] = scale;
			for (int d = 0; d < dimensions; d++) {
				values[t * dimensions + d] = (byte) Math.round(table[t][d] / scale);
			}
		}
		int flags = (unitLength ? UNIT_LENGTH : 0) | (specialTokens ? SPECIAL_TOKENS : 0);
		return new StaticEmbeddings(dimensions, weights.clone(), scales, values, flags);
	}

	/**
	 * Read a table in the binary layout described above.
	 * @param in the table; not closed
	 * @return the table
	 * @throws IOException if it cannot be read or is not a valid table
	 */
	public static StaticEmbeddings read(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		if (data.readLong() != MAGIC) {
			throw new IOException("Not a static embedding table (bad magic)");
		}
		int version = data.readInt();
		if (version != VERSION) {
			throw new IOException("Unsupported static embedding table version " + version);
		}
		int flags = data.readInt();
		int tokens = data.readInt();
		int dimensions = data.readInt();
		if (tokens < 1 || dimensions < 1 || (long) tokens * dimensions > Integer.MAX_VALUE - 8) {
			throw new IOException("Invalid static embedding table size " + tokens + " x " + dimensions);
		}
		float[] weights = new float[tokens];
		float[] scales = new float[tokens];
		for (int t = 0; t < tokens; t++) {
			weights[t] = data.readFloat();
		}
		for (int t = 0; t < tokens; t++) {
			scales[t] = data.readFloat();
		}
		byte[] values = new byte[tokens * dimensions];
		data.readFully(values);
		if (data.read() != -1) {
			throw new IOException("Static embedding table has trailing bytes");
		}
		return new StaticEmbeddings(dimensions, weights, scales, values, flags);
	}

	/**
	 * Write this table in the layout {@link #read(InputStream)} reads.
	 * @param out where to write; not closed
	 * @throws IOException if writing fails
	 */
	public void write(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.writeLong(MAGIC);
		data.writeInt(VERSION);
		data.writeInt(this.flags);
		data.writeInt(this.weights.length);
		data.writeInt(this.dimensions);
		for (float weight : this.weights) {
			data.writeFloat(weight);
		}
		for (float scale : this.scales) {
			data.writeFloat(scale);
		}
		data.write(this.values);
		data.flush();
	}

	/** How many tokens (rows). */
	public int tokens() {
		return this.weights.length;
	}

	/** Dimensions of a vector. */
	public int dimensions() {
		return this.dimensions;
	}

	/** Whether the encoder's special tokens count in a text's mean. */
	public boolean countsSpecialTokens() {
		return (this.flags & SPECIAL_TOKENS) != 0;
	}

	/**
	 * The embedding of a run of tokens: the weighted mean of their vectors, at unit
	 * length if the table says so.
	 * @param ids token ids
	 * @param from first index in {@code ids}, inclusive
	 * @param to last index, exclusive
	 * @return the embedding (all zeros for an empty run)
	 * @throws IllegalArgumentException if an id is outside the table
	 */
	public float[] embed(long[] ids, int from, int to) {
		int d = this.dimensions;
		float[] sum = new float[d];
		double total = 0;
		for (int i = from; i < to; i++) {
			long id = ids[i];
			if (id < 0 || id >= this.weights.length) {
				throw new IllegalArgumentException("Token id " + id + " is outside the static embedding table");
			}
			int t = (int) id;
			float weight = this.weights[t];
			float factor = weight * this.scales[t];
			int row = t * d;
			for (int k = 0; k < d; k++) {
				sum[k] += factor * this.values[row + k];
			}
			total += weight;
		}
		double norm = 0;
		if ((this.flags & UNIT_LENGTH) != 0) {
			for (int k = 0; k < d; k++) {
				norm += (double) sum[k] * sum[k];
			}
			norm = Math.sqrt(norm);
		}
		else {
			norm = total;
		}
		if (norm > 0) {
			float inverse = (float) (1 / norm);
			for (int k = 0; k < d; k++) {
				sum[k] *= inverse;
			}
		}
		return sum;
	}

}
