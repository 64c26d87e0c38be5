package dev.aisecurity.onnx;

import java.time.Duration;
import java.util.List;
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
 * Cascade: with a {@link StaticTier}, every text is first scored by the static tier
 * (table look-ups, no model run, outside the inference slots and the budget); only a text
 * whose static score lies in the tier's uncertain band runs the transformer, on the same
 * windows. Without a transformer the static tier decides everything.
 * <p>
 * Thread-safe; the session is shared by every thread. Never logs or keeps the text.
 */
public final class OnnxPromptInjectionClassifier implements PromptInjectionClassifier, AutoCloseable {

	private static final String WARM_UP_TEXT = "Warm-up: please summarise the attached quarterly report in three "
			+ "bullet points and ignore nothing important.";

	private final WindowingTokenizer tokenizer;

	private final StaticTier staticTier;

	private final WindowScorer scorer;

	private final ScoreCalibration calibration;

	private final long budgetNanos;

	private final TimeoutPolicy timeoutPolicy;

	private final Semaphore slots;

	private final ScheduledExecutorService watchdog;

	private final LongAdder timeouts = new LongAdder();

	private final LongAdder escalations = new LongAdder();

	private final LongAdder staticDecisions = new LongAdder();

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
		this(tokenizer, null, Objects.requireNonNull(scorer, "scorer"),
				Objects.requireNonNull(calibration, "calibration"), budget, timeoutPolicy, maxConcurrent);
	}

	/**
	 * Create a cascade: the static tier scores every text, and the transformer (when
	 * given) scores the texts in the static tier's uncertain band.
	 * @param tokenizer the windowing tokenizer, shared by both tiers; closed with this
	 * classifier
	 * @param staticTier the static tier, or {@code null} for the transformer alone;
	 * closed with this classifier
	 * @param scorer the transformer, or {@code null} for the static tier alone; closed
	 * with this classifier
	 * @param calibration the transformer's calibration ({@code null} without a
	 * transformer)
	 * @param budget the most one transformer call may take before the timeout policy
	 * applies
	 * @param timeoutPolicy what to do when the budget runs out
	 * @param maxConcurrent the most transformer inferences running at once
	 */
	public OnnxPromptInjectionClassifier(WindowingTokenizer tokenizer, StaticTier staticTier, WindowScorer scorer,
			ScoreCalibration calibration, Duration budget, TimeoutPolicy timeoutPolicy, int maxConcurrent) {
		this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
		if (staticTier == null && scorer == null) {
			throw new IllegalArgumentException("Need a static tier, a transformer or both");
		}
		if (scorer != null && calibration == null) {
			throw new IllegalArgumentException("The transformer needs a calibration");
		}
		this.staticTier = staticTier;
		this.scorer = scorer;
		this.calibration = calibration;
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
		for (String text : List.of(WARM_UP_TEXT, WARM_UP_TEXT.repeat(this.tokenizer.windowTokens() / 16 + 1))) {
			long[] content = this.tokenizer.tokenize(text);
			if (this.staticTier != null) {
				this.staticTier.probability(this.tokenizer, content);
			}
			if (this.scorer != null) {
				this.scorer.score(this.tokenizer.windowsOf(content), null);
			}
		}
	}

	@Override
	public OptionalDouble score(GuardText text, ScanContext context) {
		return score(text.sanitized());
	}

	/**
	 * The calibrated score of an already sanitised text, as
	 * {@link #score(GuardText, ScanContext)} computes it: the static tier's when it
	 * decides, else the transformer's.
	 * @param sanitized the sanitised text
	 * @return the score on the scanner's scale, or empty when the transformer ran out of
	 * budget and the policy is to fail open
	 * @throws ClassifierTimeoutException when the budget ran out and the policy is to
	 * fail closed
	 * @throws IllegalStateException when a model fails
	 */
	public OptionalDouble score(String sanitized) {
		if (sanitized.isBlank()) {
			return OptionalDouble.of(0);
		}
		long start = System.nanoTime();
		long[] content = this.tokenizer.tokenize(sanitized);
		if (this.staticTier != null) {
			double probability = this.staticTier.probability(this.tokenizer, content);
			if (this.scorer == null || this.staticTier.decides(probability)) {
				this.staticDecisions.increment();
				return OptionalDouble.of(this.staticTier.calibration().apply(probability));
			}
			this.escalations.increment();
		}
		OptionalDouble probability = probability(this.tokenizer.windowsOf(content), start);
		if (probability.isEmpty()) {
			return probability;
		}
		return OptionalDouble.of(this.calibration.apply(probability.getAsDouble()));
	}

	/**
	 * The transformer's probability (before calibration) that a text is an injection: the
	 * highest over its windows, within the budget. The static tier is not consulted.
	 * @param text the text
	 * @return the probability, or empty when the budget ran out and the policy is to fail
	 * open
	 * @throws ClassifierTimeoutException when the budget ran out and the policy is to
	 * fail closed
	 * @throws IllegalStateException when the model fails
	 */
	public OptionalDouble probability(String text) {
		if (this.scorer == null) {
			throw new IllegalStateException("This classifier has no transformer (static mode)");
		}
		long start = System.nanoTime();
		return probability(this.tokenizer.windows(text), start);
	}

	/**
	 * The static tier's probability (before calibration) that a text is an injection: the
	 * highest over its static windows.
	 * @param text the text
	 * @return the probability
	 * @throws IllegalStateException without a static tier
	 */
	public double staticProbability(String text) {
		if (this.staticTier == null) {
			throw new IllegalStateException("This classifier has no static tier (transformer mode)");
		}
		return this.staticTier.probability(this.tokenizer, this.tokenizer.tokenize(text));
	}

	private OptionalDouble probability(TokenWindows windows, long start) {
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
			long remaining = this.budgetNanos - (System.nanoTime() - start);
			if (remaining <= 0) {
				return timedOut();
			}
			double[] scores = run(windows, remaining);
			if (scores == null) {
				return timedOut();
			}
			return OptionalDouble.of(max(scores));
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

	private static double max(double[] scores) {
		double best = 0;
		for (double score : scores) {
			best = Math.max(best, score);
		}
		return best;
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

	/** How many texts the static tier sent to the transformer since start-up. */
	public long escalations() {
		return this.escalations.sum();
	}

	/** How many texts the static tier decided alone since start-up. */
	public long staticDecisions() {
		return this.staticDecisions.sum();
	}

	/** The static tier, or {@code null} when the transformer scores every text. */
	public StaticTier staticTier() {
		return this.staticTier;
	}

	/** The windowing tokenizer. */
	public WindowingTokenizer tokenizer() {
		return this.tokenizer;
	}

	/** The transformer, or {@code null} when the static tier decides alone. */
	public WindowScorer scorer() {
		return this.scorer;
	}

	/**
	 * The calibration applied to the transformer's probability ({@code null} without a
	 * transformer).
	 */
	public ScoreCalibration calibration() {
		return this.calibration;
	}

	@Override
	public void close() throws OrtException {
		this.watchdog.shutdownNow();
		try {
			if (this.scorer != null) {
				this.scorer.close();
			}
			if (this.staticTier != null) {
				this.staticTier.scorer().close();
			}
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
