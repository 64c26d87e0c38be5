package dev.aisecurity.onnx;

/**
 * The classifier did not answer within its latency budget and its {@link TimeoutPolicy}
 * is {@link TimeoutPolicy#FAIL_CLOSED}.
 */
public class ClassifierTimeoutException extends RuntimeException {

	public ClassifierTimeoutException(String message) {
		super(message);
	}

}
