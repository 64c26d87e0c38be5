package dev.aisecurity.onnx;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.injection.PromptInjectionClassifier;

/**
 * A {@link PromptInjectionClassifier} running an ONNX model in-process.
 * <p>
 * The sanitised text is split into token windows ({@link WindowingTokenizer}); all
 * windows run as one batch and the text's probability is the highest window probability,
 * so an injection hidden in a long benign document still counts. The probability is
 * mapped by a {@link ScoreCalibration} onto the scanner's scale before the scanner fuses
 * it with its heuristic signals.
 * <p>
 * Latency budget: the call waits at most {@code budget} in total for a free inference
 * slot (at most {@code maxConcurrent} inferences at once) and for the model. When the
 * budget runs out, a watchdog terminates the model run (ONNX Runtime's terminate flag, so
 * the core is freed rather than left busy) and the {@link TimeoutPolicy} decides: fail
 * closed (throw, the pipeline blocks with {@code GUARD_ERROR}) or fail open (abstain,
 * heuristics decide alone). Model errors always fail closed.
 * <p>
 * Thread-safe; the session is shared by every thread. Never logs or keeps the text.
 */
public final class OnnxPromptInjectionClassifier implements PromptInjectionClassifier, AutoCloseable {

	private static final String WARM_UP_TEXT = "Warm-up: please summarise the attached quarterly report in three "
			+ "bullet points and ignore nothing important.";

	private final WindowingTokenizer tokenizer;

	private final WindowScorer scorer;

	private final ScoreCalibration calibration;

	private final long budgetNanos;

	private final TimeoutPolicy timeoutPolicy;

	private final Semaphore slots;

	private final ScheduledExecutorService watchdog;

	private final LongAdder timeouts = new LongAdder();

	/**
	 * Create a classifier.
	 * @param tokenizer the windowing tokenizer; closed with this classifier
	 * @param scorer the model; closed with this classifier
	 * @param calibration maps the model probability onto the scanner's scale
	 * @param budget the most one call may take before the timeout policy applies
	 * @param timeoutPolicy what to do when the budget runs out
	 * @param maxConcurrent the most inferences running at once
	 */
	public OnnxPromptInjectionClassifier(WindowingTokenizer tokenizer, WindowScorer scorer,
			ScoreCalibration calibration, Duration budget, TimeoutPolicy timeoutPolicy, int maxConcurrent) {
		this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
		this.scorer = Objects.requireNonNull(scorer, "scorer");
		this.calibration = Objects.requireNonNull(calibration, "calibration");
		if (budget.isNegative() || budget.isZero()) {
			throw new IllegalArgumentException("budget must be positive");
		}
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("maxConcurrent must be at least 1");
		}
		this.budgetNanos = budget.toNanos();
		this.timeoutPolicy = Objects.requireNonNull(timeoutPolicy, "timeoutPolicy");
		this.slots = new Semaphore(maxConcurrent, true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "ai-security-onnx-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.watchdog = executor;
	}

	/**
	 * Run the model once on a short and on a full-window text, so the first request does
	 * not pay for ONNX Runtime's lazy initialisation. Not subject to the budget.
	 * @throws OrtException if the model fails
	 */
	public void warmUp() throws OrtException {
		this.scorer.score(this.tokenizer.windows(WARM_UP_TEXT), null);
		this.scorer.score(this.tokenizer.windows(WARM_UP_TEXT.repeat(this.tokenizer.windowTokens() / 16 + 1)), null);
	}

	@Override
	public OptionalDouble score(GuardText text, ScanContext context) {
		String sanitized = text.sanitized();
		if (sanitized.isBlank()) {
			return OptionalDouble.of(0);
		}
		OptionalDouble probability = probability(sanitized);
		if (probability.isEmpty()) {
			return probability;
		}
		return OptionalDouble.of(this.calibration.apply(probability.getAsDouble()));
	}

	/**
	 * The model's probability (before calibration) that a text is an injection: the
	 * highest over its windows, within the budget.
	 * @param text the text
	 * @return the probability, or empty when the budget ran out and the policy is to fail
	 * open
	 * @throws ClassifierTimeoutException when the budget ran out and the policy is to
	 * fail closed
	 * @throws IllegalStateException when the model fails
	 */
	public OptionalDouble probability(String text) {
		long start = System.nanoTime();
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.budgetNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the prompt-injection model", ex);
		}
		if (!acquired) {
			return timedOut();
		}
		try {
			TokenWindows windows = this.tokenizer.windows(text);
			long remaining = this.budgetNanos - (System.nanoTime() - start);
			if (remaining <= 0) {
				return timedOut();
			}
			double[] scores = run(windows, remaining);
			if (scores == null) {
				return timedOut();
			}
			double best = 0;
			for (double score : scores) {
				best = Math.max(best, score);
			}
			return OptionalDouble.of(best);
		}
		finally {
			this.slots.release();
		}
	}

	/**
	 * Run the model with a watchdog; {@code null} when the watchdog terminated the run.
	 */
	private double[] run(TokenWindows windows, long remainingNanos) {
		try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
			Termination termination = new Termination(options);
			ScheduledFuture<?> timer = this.watchdog.schedule(termination::terminate, remainingNanos,
					TimeUnit.NANOSECONDS);
			try {
				return this.scorer.score(windows, options);
			}
			catch (OrtException ex) {
				if (termination.finish()) {
					return null;
				}
				throw new IllegalStateException("The prompt-injection model failed: " + ex.getCode(), ex);
			}
			finally {
				timer.cancel(false);
				termination.finish();
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot create ONNX Runtime run options", ex);
		}
	}

	private OptionalDouble timedOut() {
		this.timeouts.increment();
		if (this.timeoutPolicy == TimeoutPolicy.FAIL_OPEN) {
			return OptionalDouble.empty();
		}
		throw new ClassifierTimeoutException("The prompt-injection model did not answer within "
				+ Duration.ofNanos(this.budgetNanos).toMillis() + " ms");
	}

	/** How many calls ran out of budget since start-up. */
	public long timeouts() {
		return this.timeouts.sum();
	}

	/** The windowing tokenizer. */
	public WindowingTokenizer tokenizer() {
		return this.tokenizer;
	}

	/** The model. */
	public WindowScorer scorer() {
		return this.scorer;
	}

	/** The calibration applied to the probability. */
	public ScoreCalibration calibration() {
		return this.calibration;
	}

	@Override
	public void close() throws OrtException {
		this.watchdog.shutdownNow();
		try {
			this.scorer.close();
		}
		finally {
			this.tokenizer.close();
		}
	}

	/**
	 * Sets the terminate flag of one run unless the run already finished, so the flag is
	 * never set on closed options.
	 */
	private static final class Termination {

		private final OrtSession.RunOptions options;

		private boolean finished;

		private boolean terminated;

		Termination(OrtSession.RunOptions options) {
			this.options = options;
		}

		synchronized void terminate() {
			if (this.finished) {
				return;
			}
			try {
				this.options.setTerminate(true);
				this.terminated = true;
			}
			catch (OrtException ex) {
				// the run goes on to its end; the caller still gets its answer
			}
		}

		/** Mark the run finished; true if the watchdog had terminated it. */
		synchronized boolean finish() {
			this.finished = true;
			return this.terminated;
		}

	}

}
