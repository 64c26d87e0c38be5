package dev.aisecurity.onnx;

import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One ONNX Runtime session of a Hugging Face encoder (BERT, DeBERTa, MiniLM and the like)
 * that takes {@code input_ids}, {@code attention_mask} and, when the graph declares it,
 * {@code token_type_ids}.
 * <p>
 * ONNX Runtime sessions are safe for concurrent {@code run} calls, so one instance serves
 * every thread; the number of threads one call uses is fixed when the session is created.
 */
public final class OnnxSession implements AutoCloseable {

	static final String INPUT_IDS = "input_ids";

	static final String ATTENTION_MASK = "attention_mask";

	static final String TOKEN_TYPE_IDS = "token_type_ids";

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final Set<String> inputs;

	private final String output;

	/**
	 * Create a session from the bytes of a model.
	 * @param model the content of {@code model.onnx}
	 * @param intraOpThreads threads one inference may use (1 keeps one request on one
	 * core; concurrency then comes from concurrent requests)
	 * @param output the output to read, or {@code null} for the first one
	 * @throws OrtException if the model cannot be loaded
	 */
	public OnnxSession(byte[] model, int intraOpThreads, String output) throws OrtException {
		this.environment = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			this.session = this.environment.createSession(model, options);
		}
		this.inputs = Set.copyOf(this.session.getInputNames());
		if (!this.inputs.contains(INPUT_IDS) || !this.inputs.contains(ATTENTION_MASK)) {
			String found = this.inputs.toString();
			this.session.close();
			throw new IllegalArgumentException(
					"The model must take input_ids and attention_mask; its inputs are " + found);
		}
		String first = this.session.getOutputNames().iterator().next();
		if (output != null && !this.session.getOutputNames().contains(output)) {
			String found = this.session.getOutputNames().toString();
			this.session.close();
			throw new IllegalArgumentException("The model has no output '" + output + "'; its outputs are " + found);
		}
		this.output = (output != null) ? output : first;
	}

	/**
	 * Run the model over token windows.
	 * @param windows the windows
	 * @param runOptions the options of this run (they can terminate it); may be
	 * {@code null}
	 * @return the value of the output, as nested Java arrays (for example
	 * {@code float[windows][length][hidden]} or {@code float[windows][labels]})
	 * @throws OrtException if the run fails or is terminated
	 */
	public Object run(TokenWindows windows, OrtSession.RunOptions runOptions) throws OrtException {
		long[] shape = { windows.count(), windows.length() };
		Map<String, OnnxTensor> feed = new HashMap<>();
		try {
			feed.put(INPUT_IDS, tensor(windows.ids(), shape));
			feed.put(ATTENTION_MASK, tensor(windows.mask(), shape));
			if (this.inputs.contains(TOKEN_TYPE_IDS)) {
				feed.put(TOKEN_TYPE_IDS, tensor(new long[windows.count()][windows.length()], shape));
			}
			try (OrtSession.Result result = (runOptions != null)
					? this.session.run(feed, Set.of(this.output), runOptions)
					: this.session.run(feed, Set.of(this.output))) {
				OnnxValue value = result.get(0);
				return value.getValue();
			}
		}
		finally {
			feed.values().forEach(OnnxTensor::close);
		}
	}

	private OnnxTensor tensor(long[][] rows, long[] shape) throws OrtException {
		int width = (int) shape[1];
		LongBuffer buffer = LongBuffer.allocate(rows.length * width);
		for (long[] row : rows) {
			buffer.put(row);
		}
		buffer.flip();
		return OnnxTensor.createTensor(this.environment, buffer, shape);
	}

	@Override
	public void close() throws OrtException {
		this.session.close();
	}

}
