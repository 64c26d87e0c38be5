package dev.aisecurity.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs scanners over a text and merges their findings into a {@link Verdict}. Immutable
 * and thread-safe; build one with {@link #builder()}.
 * <p>
 * Fails closed: a scanner that throws yields a {@code GUARD_ERROR} finding that blocks
 * (in enforce mode), since a guard that cannot decide must not let the text through.
 */
public final class GuardPipeline {

	/** Detector id used for findings about the pipeline itself. */
	public static final String PIPELINE_ID = "pipeline";

	/** Reason code of a scanner failure. */
	public static final String GUARD_ERROR = "GUARD_ERROR";

	private final Direction direction;

	private final GuardMode mode;

	private final List<Scanner> scanners;

	private final List<ScannerPolicy> policies;

	private final List<VerdictListener> listeners;

	private final ScannerTimingListener[] timingListeners;

	private GuardPipeline(Builder builder) {
		this.direction = builder.direction;
		this.mode = builder.mode;
		List<Scanner> enabled = new ArrayList<>();
		List<ScannerPolicy> enabledPolicies = new ArrayList<>();
		for (Scanner scanner : builder.scanners.values()) {
			ScannerPolicy policy = builder.policies.getOrDefault(scanner.id(), scanner.defaultPolicy(this.direction));
			if (policy.enabled() && scanner.supports(this.direction)) {
				enabled.add(scanner);
				enabledPolicies.add(policy);
			}
		}
		this.scanners = List.copyOf(enabled);
		this.policies = List.copyOf(enabledPolicies);
		this.listeners = List.copyOf(builder.listeners);
		this.timingListeners = builder.timingListeners.toArray(new ScannerTimingListener[0]);
	}

	private GuardPipeline(GuardPipeline source, List<VerdictListener> listeners) {
		this.direction = source.direction;
		this.mode = source.mode;
		this.scanners = source.scanners;
		this.policies = source.policies;
		this.listeners = List.copyOf(listeners);
		this.timingListeners = source.timingListeners;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The same pipeline without verdict listeners: for consumers that scan one text in
	 * several overlapping parts (the streaming guard) and report once for the whole with
	 * {@link #report}.
	 */
	public GuardPipeline withoutListeners() {
		return this.listeners.isEmpty() ? this : new GuardPipeline(this, List.of());
	}

	/**
	 * Tell this pipeline's listeners about a verdict reached outside {@link #scan}, for
	 * example the summary of a guarded stream.
	 */
	public void report(ScanContext context, Verdict verdict, int textLength, long nanos) {
		for (VerdictListener listener : this.listeners) {
			try {
				listener.onVerdict(context, verdict, textLength, nanos);
			}
			catch (RuntimeException ex) {
				// A failing listener must not break the caller or hide the verdict from
				// the others
			}
		}
	}

	public Direction direction() {
		return this.direction;
	}

	public GuardMode mode() {
		return this.mode;
	}

	/**
	 * The scanners that run, in order.
	 */
	public List<Scanner> scanners() {
		return this.scanners;
	}

	/**
	 * Scan a text with a context of this pipeline's direction.
	 */
	public Verdict scan(String text) {
		return scan(text, new ScanContext(this.direction, null, null, Map.of()));
	}

	/**
	 * Scan a text.
	 */
	public Verdict scan(String text, ScanContext context) {
		long start = System.nanoTime();
		GuardText guardText = GuardText.of(text);
		Verdict verdict = evaluate(guardText, context);
		long nanos = System.nanoTime() - start;
		for (VerdictListener listener : this.listeners) {
			try {
				listener.onVerdict(context, verdict, guardText.original().length(), nanos);
			}
			catch (RuntimeException ex) {
				// A failing listener must not change the verdict or hide it from the
				// others
			}
		}
		return verdict;
	}

	private Verdict evaluate(GuardText text, ScanContext context) {
		List<Finding> findings = new ArrayList<>();
		List<Finding> blocking = new ArrayList<>();
		List<Finding> rewrites = new ArrayList<>();
		for (int i = 0; i < this.scanners.size(); i++) {
			Scanner scanner = this.scanners.get(i);
			ScannerPolicy policy = this.policies.get(i);
			List<Finding> found;
			// Read the clock per scanner only when someone listens for it
			long start = (this.timingListeners.length != 0) ? System.nanoTime() : 0L;
			try {
				found = scanner.scan(text, context);
			}
			catch (RuntimeException | StackOverflowError ex) {
				Finding error = Finding.of(scanner.id(), PIPELINE_ID, GUARD_ERROR, 1.0);
				findings.add(error);
				blocking.add(error);
				continue;
			}
			finally {
				if (this.timingListeners.length != 0) {
					reportTiming(scanner.id(), System.nanoTime() - start);
				}
			}
			for (Finding finding : found) {
				if (finding.score() < policy.threshold()) {
					continue;
				}
				findings.add(finding);
				switch (scanner.action(finding, policy)) {
					case BLOCK -> blocking.add(finding);
					case SANITIZE -> {
						if (finding.hasSpan()) {
							rewrites.add(finding);
						}
					}
					case MONITOR -> {
					}
				}
			}
		}
		if (this.mode == GuardMode.MONITOR) {
			return new Verdict(Decision.ALLOW, text.original(), findings, blocking, this.mode);
		}
		if (!blocking.isEmpty()) {
			return new Verdict(Decision.BLOCK, null, findings, blocking, this.mode);
		}
		if (rewrites.isEmpty() && !text.wasSanitized()) {
			return new Verdict(Decision.ALLOW, text.original(), findings, blocking, this.mode);
		}
		return new Verdict(Decision.SANITIZE, rewrite(text.sanitized(), rewrites), findings, blocking, this.mode);
	}

	private void reportTiming(String scannerId, long nanos) {
		for (ScannerTimingListener listener : this.timingListeners) {
			try {
				listener.onScannerRun(this.direction, scannerId, nanos);
			}
			catch (RuntimeException ex) {
				// Timing is best effort: it must never change the verdict
			}
		}
	}

	/**
	 * The action this pipeline takes for one finding: the finding's scanner decides under
	 * its effective policy (see {@link Scanner#action(Finding, ScannerPolicy)}).
	 * {@code null} when the finding's scanner does not run in this pipeline. For
	 * consumers that rewrite texts piecewise from a verdict's findings (the streaming
	 * guard).
	 */
	public Action actionFor(Finding finding) {
		for (int i = 0; i < this.scanners.size(); i++) {
			Scanner scanner = this.scanners.get(i);
			if (scanner.id().equals(finding.detectorId())) {
				return scanner.action(finding, this.policies.get(i));
			}
		}
		return null;
	}

	/**
	 * Replace the spans, merging overlaps: the longest span's replacement wins for a
	 * merged region. Public for consumers that rewrite texts piecewise (the streaming
	 * guard); the result equals what SANITIZE produces for the same findings.
	 */
	public static String rewrite(String text, List<Finding> rewrites) {
		if (rewrites.isEmpty()) {
			return text;
		}
		List<Finding> sorted = new ArrayList<>(rewrites);
		sorted.sort(Comparator.comparingInt(Finding::start)
			.thenComparing(Comparator.comparingInt(Finding::end).reversed()));
		StringBuilder out = new StringBuilder(text.length());
		int position = 0;
		int i = 0;
		while (i < sorted.size()) {
			Finding first = sorted.get(i);
			int regionStart = Math.min(Math.max(first.start(), position), text.length());
			int regionEnd = Math.min(first.end(), text.length());
			Finding widest = first;
			i++;
			while (i < sorted.size() && sorted.get(i).start() < regionEnd) {
				Finding next = sorted.get(i);
				if (next.end() - next.start() > widest.end() - widest.start()) {
					widest = next;
				}
				regionEnd = Math.max(regionEnd, Math.min(next.end(), text.length()));
				i++;
			}
			out.append(text, position, regionStart);
			out.append(Objects.requireNonNullElse(widest.replacement(), ""));
			position = Math.max(position, regionEnd);
		}
		out.append(text, Math.min(position, text.length()), text.length());
		return out.toString();
	}

	/**
	 * Builds a {@link GuardPipeline}.
	 */
	public static final class Builder {

		private Direction direction = Direction.INPUT;

		private GuardMode mode = GuardMode.ENFORCE;

		private final Map<String, Scanner> scanners = new LinkedHashMap<>();

		private final Map<String, ScannerPolicy> policies = new LinkedHashMap<>();

		private final List<VerdictListener> listeners = new ArrayList<>();

		private final List<ScannerTimingListener> timingListeners = new ArrayList<>();

		private Builder() {
		}

		public Builder direction(Direction direction) {
			this.direction = Objects.requireNonNull(direction);
			return this;
		}

		public Builder mode(GuardMode mode) {
			this.mode = Objects.requireNonNull(mode);
			return this;
		}

		/**
		 * Add a scanner; a later scanner with the same id replaces an earlier one.
		 */
		public Builder scanner(Scanner scanner) {
			this.scanners.put(scanner.id(), scanner);
			return this;
		}

		public Builder scanners(Iterable<? extends Scanner> scanners) {
			scanners.forEach(this::scanner);
			return this;
		}

		/**
		 * Override the scanner's {@link Scanner#defaultPolicy(Direction) default policy}.
		 */
		public Builder policy(String scannerId, ScannerPolicy policy) {
			this.policies.put(scannerId, Objects.requireNonNull(policy));
			return this;
		}

		public Builder listener(VerdictListener listener) {
			this.listeners.add(Objects.requireNonNull(listener));
			return this;
		}

		/**
		 * Add a listener told how long each scanner run took. Kept by
		 * {@link GuardPipeline#withoutListeners()}: per-scanner timings stay meaningful
		 * when a text is scanned in parts.
		 */
		public Builder timingListener(ScannerTimingListener listener) {
			this.timingListeners.add(Objects.requireNonNull(listener));
			return this;
		}

		public GuardPipeline build() {
			return new GuardPipeline(this);
		}

	}

}
