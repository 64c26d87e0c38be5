package dev.aisecurity.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Turns token windows into one prompt-injection probability per window. Thread-safe.
 */
public interface WindowScorer extends AutoCloseable {

	/**
	 * Score windows.
	 * @param windows the windows of one text
	 * @param runOptions options of the model run, through which a watchdog can terminate
	 * it
	 * @return the probability (0-1) that each window is an injection, in window order
	 * @throws OrtException if the model fails or the run was terminated
	 */
	double[] score(TokenWindows windows, OrtSession.RunOptions runOptions) throws OrtException;

	@Override
	void close() throws OrtException;

}
