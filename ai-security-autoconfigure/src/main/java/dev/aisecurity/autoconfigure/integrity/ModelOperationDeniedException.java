package dev.aisecurity.autoconfigure.integrity;

/**
 * Thrown by a {@link ModelOperationAuthorizer} that refuses a caller without Spring
 * Security's exception handling to answer for it; the {@code aimodels} endpoint turns it
 * into a 403 problem.
 */
public class ModelOperationDeniedException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message why the operation was refused (no caller input)
	 */
	public ModelOperationDeniedException(String message) {
		super(message);
	}

}
