package dev.aisecurity.guard.extraction;

import java.util.List;

/**
 * Where the {@link ExtractionDetector} keeps its per-principal sliding windows:
 * {@link LocalExtractionStore in memory} by default, or a shared store (e.g. Redis) so
 * that a campaign spread over several instances is seen as one. A store only ever holds
 * {@link PromptShape shapes} (keyed hashes), flags, counts and times, never text; stores
 * that leave the process should also key the principal ids and expire every entry.
 * <p>
 * Operations need not be atomic with each other: a race between two requests of one
 * principal may miss one comparison, which does not matter for a score over many
 * requests; but {@link #updateState} must never shorten a block.
 */
public interface ExtractionStore {

	/**
	 * The state of a principal before a new request is recorded.
	 * @param principal who
	 * @param nowMillis the current time
	 * @param limits window and sizes
	 * @return the shapes of its most recent requests in the window (newest first, at most
	 * {@link Limits#keptShapes()}) and its state
	 */
	Loaded load(String principal, long nowMillis, Limits limits);

	/**
	 * Record a request, drop what left the window, and summarise the window.
	 * @param principal who
	 * @param request the request
	 * @param limits window and sizes
	 * @return the window including the request
	 */
	WindowSummary record(String principal, Request request, Limits limits);

	/**
	 * Add output tokens to the principal's window.
	 * @param principal who
	 * @param outputTokens tokens of an answer
	 * @param nowMillis the current time
	 * @param limits window and sizes
	 */
	void recordOutput(String principal, long outputTokens, long nowMillis, Limits limits);

	/**
	 * Save the latest assessment of a principal, keeping the later of the stored and the
	 * given block end.
	 * @param principal who
	 * @param state the new state
	 * @param limits window and sizes
	 * @return the state as stored
	 */
	State updateState(String principal, State state, Limits limits);

	/**
	 * The stored state of a principal.
	 * @param principal who
	 * @return the state, {@link State#NONE} for unknown principals
	 */
	State state(String principal);

	/**
	 * Window and sizes of the detector's settings.
	 *
	 * @param windowMillis length of the sliding window
	 * @param maxEntries most requests kept per principal
	 * @param keptShapes most recent shapes kept to compare new requests with
	 * @param coolDownMillis length of a block
	 */
	record Limits(long windowMillis, int maxEntries, int keptShapes, long coolDownMillis) {

		/**
		 * How long a principal's entries may be kept after its last write: a window, or a
		 * cool-down when longer.
		 */
		public long retentionMillis() {
			return Math.max(this.windowMillis, this.coolDownMillis);
		}

	}

	/**
	 * One assessed request.
	 *
	 * @param millis when
	 * @param shape its shape
	 * @param templated whether it fills the template of an earlier prompt
	 * @param nearDuplicate whether it nearly equals an earlier prompt
	 */
	record Request(long millis, PromptShape shape, boolean templated, boolean nearDuplicate) {

	}

	/**
	 * A principal's window.
	 *
	 * @param requests requests in the window
	 * @param templated how many of them were templated
	 * @param nearDuplicates how many were near-duplicates
	 * @param outputTokens output tokens in the window
	 * @param firstMillis time of the oldest request in the window
	 */
	record WindowSummary(int requests, int templated, int nearDuplicates, long outputTokens, long firstMillis) {

	}

	/**
	 * What a store returns before a request is recorded.
	 *
	 * @param recentShapes shapes of recent requests in the window, newest first
	 * @param state the principal's state
	 */
	record Loaded(List<PromptShape> recentShapes, State state) {

	}

	/**
	 * The latest assessment of a principal.
	 *
	 * @param action the action of the latest assessment
	 * @param score its score
	 * @param millis when it was made
	 * @param blockedUntil end of the current block, 0 when none
	 */
	record State(ExtractionAction action, double score, long millis, long blockedUntil) {

		/** The state of a principal never seen. */
		public static final State NONE = new State(ExtractionAction.NONE, 0, 0, 0);

	}

}
