package dev.aisecurity.guard.extraction;

import java.util.Arrays;
import java.util.Objects;

/**
 * The features of one prompt used to compare it with others, computed in one linear pass:
 * its word tokens (lower-cased, digits folded to one class), each as a 32-bit keyed hash
 * (SipHash-2-4 with a {@link ShapeKey}), and a 64-bit SimHash of its word shingles. The
 * text itself is not kept, and without the key the word hashes cannot be matched against
 * a dictionary, so shapes may be stored outside the process (see
 * {@link ExtractionStore}).
 */
public final class PromptShape {

	private static final int MAX_TOKENS = 256;

	private final int[] tokens;

	private final long simHash;

	private PromptShape(int[] tokens, long simHash) {
		this.tokens = tokens;
		this.simHash = simHash;
	}

	/**
	 * The shape of a text.
	 * @param text the text
	 * @param key the key of the word hashes
	 * @return the shape
	 */
	public static PromptShape of(String text, ShapeKey key) {
		Objects.requireNonNull(key, "key");
		int[] hashes = new int[16];
		int count = 0;
		long hash = 0;
		boolean inToken = false;
		for (int i = 0; i < text.length() && count < MAX_TOKENS; i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				char folded = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
				hash = (inToken ? hash : 0xcbf29ce484222325L) ^ folded;
				hash *= 0x100000001b3L;
				inToken = true;
			}
			else if (inToken) {
				hashes = append(hashes, count++, (int) key.hash(hash));
				inToken = false;
			}
		}
		if (inToken && count < MAX_TOKENS) {
			hashes = append(hashes, count++, (int) key.hash(hash));
		}
		int[] tokens = Arrays.copyOf(hashes, count);
		return new PromptShape(tokens, simHash(tokens));
	}

	/**
	 * A shape read back from a store.
	 * @param tokens the keyed word hashes
	 * @param simHash the SimHash
	 * @return the shape
	 */
	public static PromptShape restore(int[] tokens, long simHash) {
		return new PromptShape(tokens.clone(), simHash);
	}

	private static int[] append(int[] hashes, int index, int value) {
		int[] target = (index < hashes.length) ? hashes : Arrays.copyOf(hashes, hashes.length * 2);
		target[index] = value;
		return target;
	}

	private static long simHash(int[] tokens) {
		int[] weights = new int[64];
		for (int i = 0; i < tokens.length; i++) {
			long feature = mix(tokens[i] * 31L + ((i + 1 < tokens.length) ? tokens[i + 1] : 7));
			for (int bit = 0; bit < 64; bit++) {
				weights[bit] += (((feature >>> bit) & 1) != 0) ? 1 : -1;
			}
		}
		long result = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (weights[bit] > 0) {
				result |= 1L << bit;
			}
		}
		return result;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	/**
	 * The keyed word hashes, in order.
	 */
	public int[] tokens() {
		return this.tokens.clone();
	}

	/**
	 * The SimHash of the word shingles.
	 */
	public long simHash() {
		return this.simHash;
	}

	/**
	 * Same template: same number of tokens (at least 3), most positions equal (the slots
	 * vary).
	 */
	boolean sameTemplateAs(PromptShape other, double minShared) {
		if (this.tokens.length < 3 || this.tokens.length != other.tokens.length) {
			return false;
		}
		int equal = 0;
		for (int i = 0; i < this.tokens.length; i++) {
			if (this.tokens[i] == other.tokens[i]) {
				equal++;
			}
		}
		return equal >= minShared * this.tokens.length;
	}

	boolean nearDuplicateOf(PromptShape other, int maxHammingDistance) {
		return this.tokens.length > 0 && Long.bitCount(this.simHash ^ other.simHash) <= maxHammingDistance;
	}

}
