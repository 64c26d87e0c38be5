package dev.aisecurity.guard.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardMode;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;

/**
 * Guards a text that arrives in chunks (a streamed model answer) with an output pipeline,
 * so that what is emitted equals what the pipeline would make of the whole text while the
 * first characters still go out early.
 * <p>
 * Each {@link Session} keeps a bounded look-ahead buffer. Text is released only at a safe
 * boundary: after whitespace, outside an unfinished markdown link or HTML tag, not inside
 * any finding, and at least {@code lookahead} characters before the end of what has
 * arrived (the reach of the longest entity the scanners look for, so an e-mail split as
 * {@code "john.do" + "e@example.com"} is whole before anything around it goes out). When
 * no such boundary exists and the buffer reaches {@code hold} characters, the buffer is
 * released anyway up to {@code lookahead} characters before its end, so a long
 * whitespace-free run cannot stall the stream.
 * <p>
 * Every release runs the pipeline over a window of the last {@code context} released
 * characters plus the buffer (so detectors needing context, like the system-prompt
 * overlap, see across releases) and emits the sanitised form of the released part. A
 * BLOCK anywhere in the window ends the session: nothing more is emitted.
 * <p>
 * Streamed and whole-text results are equal whenever every finding is shorter than
 * {@code lookahead} and judged from less than {@code context} characters around it. A
 * single whitespace-free token longer than {@code hold - lookahead} may be released in
 * two parts; each part is still scanned before it goes out.
 */
public final class StreamingGuard {

	/** Default hold: the buffer never holds more than this many characters for long. */
	public static final int DEFAULT_HOLD = 256;

	/** Default look-ahead: characters kept back behind every safe boundary. */
	public static final int DEFAULT_LOOKAHEAD = 64;

	/** Default context: released characters rescanned with the buffer. */
	public static final int DEFAULT_CONTEXT = 160;

	/**
	 * Default minimum release: characters that must be releasable before the buffer is
	 * scanned, so that a stream of small chunks is not scanned once per chunk.
	 */
	public static final int DEFAULT_MIN_RELEASE = 32;

	private final GuardPipeline pipeline;

	private final GuardPipeline windows;

	private final int hold;

	private final int lookahead;

	private final int context;

	private final int minRelease;

	private StreamingGuard(Builder builder) {
		this.pipeline = builder.pipeline;
		// windows overlap: listeners hear one summary per stream instead of each window
		this.windows = builder.pipeline.withoutListeners();
		this.hold = builder.hold;
		this.lookahead = builder.lookahead;
		this.context = builder.context;
		this.minRelease = builder.minRelease;
		if (this.lookahead + this.minRelease > this.hold) {
			throw new IllegalArgumentException("lookahead + minRelease must not exceed hold");
		}
	}

	public static Builder builder(GuardPipeline pipeline) {
		return new Builder(pipeline);
	}

	public GuardPipeline pipeline() {
		return this.pipeline;
	}

	public int hold() {
		return this.hold;
	}

	public int lookahead() {
		return this.lookahead;
	}

	/**
	 * Start guarding one stream. Not thread-safe: one session, one stream, chunks in
	 * order.
	 * @param scanContext the context every window is scanned with
	 */
	public Session open(ScanContext scanContext) {
		return new Session(Objects.requireNonNull(scanContext, "scanContext"));
	}

	/**
	 * What to emit after a chunk.
	 *
	 * @param text the text to emit now, possibly empty; never {@code null}
	 * @param verdict the blocking verdict when the stream must end, else {@code null}
	 */
	public record Emission(String text, Verdict verdict) {

		static final Emission NOTHING = new Emission("", null);

		public boolean isBlocked() {
			return this.verdict != null;
		}

	}

	/**
	 * One guarded stream.
	 */
	public final class Session {

		private final ScanContext scanContext;

		private final StringBuilder pending = new StringBuilder();

		private String released = "";

		private Verdict blockedBy;

		private boolean finished;

		private int redactions;

		private int findingCount;

		private int redactedChars;

		private long emitted;

		private long releasedTotal;

		private long nanos;

		private final java.util.Map<String, Finding> reported = new java.util.LinkedHashMap<>();

		private long received;

		private int maxHeld;

		private Session(ScanContext scanContext) {
			this.scanContext = scanContext;
		}

		/**
		 * Take the next chunk.
		 * @return what to emit now
		 */
		public Emission accept(String chunk) {
			if (this.blockedBy != null) {
				return new Emission("", this.blockedBy);
			}
			if (this.finished) {
				throw new IllegalStateException("session finished");
			}
			if (chunk != null && !chunk.isEmpty()) {
				this.pending.append(chunk);
				this.received += chunk.length();
				this.maxHeld = Math.max(this.maxHeld, this.pending.length());
			}
			return release(false);
		}

		/**
		 * The stream ended: scan and release everything still held.
		 */
		public Emission finish() {
			if (this.blockedBy != null) {
				return new Emission("", this.blockedBy);
			}
			if (this.finished) {
				return Emission.NOTHING;
			}
			this.finished = true;
			if (this.pending.isEmpty()) {
				report(null);
				return Emission.NOTHING;
			}
			Emission last = release(true);
			if (!last.isBlocked()) {
				report(null);
			}
			return last;
		}

		/**
		 * One verdict for the whole stream to the pipeline's listeners: the findings of
		 * all emitted text (each once), or the blocking verdict. Never any text.
		 */
		private void report(Verdict blocking) {
			Verdict summary;
			if (blocking != null) {
				List<Finding> findings = new ArrayList<>(this.reported.values());
				for (Finding finding : blocking.findings()) {
					if (!findings.contains(finding)) {
						findings.add(finding);
					}
				}
				summary = new Verdict(Decision.BLOCK, null, findings, blocking.blocking(), blocking.mode());
			}
			else {
				Decision decision = (this.redactions > 0) ? Decision.SANITIZE : Decision.ALLOW;
				summary = new Verdict(decision, "", new ArrayList<>(this.reported.values()), List.of(),
						StreamingGuard.this.pipeline.mode());
			}
			StreamingGuard.this.pipeline.report(this.scanContext, summary,
					(int) Math.min(Integer.MAX_VALUE, this.received), this.nanos);
		}

		/**
		 * Characters received but not yet emitted.
		 */
		public int held() {
			return this.pending.length();
		}

		/**
		 * The most characters held at once.
		 */
		public int maxHeld() {
			return this.maxHeld;
		}

		/** Spans rewritten in emitted text so far. */
		public int redactions() {
			return this.redactions;
		}

		/** Characters of received text rewritten so far. */
		public int redactedChars() {
			return this.redactedChars;
		}

		/** Findings (at or above threshold) in emitted text so far. */
		public int findings() {
			return this.findingCount;
		}

		/** Characters received so far. */
		public long received() {
			return this.received;
		}

		/** Characters emitted so far (after rewriting). */
		public long emitted() {
			return this.emitted;
		}

		public boolean isBlocked() {
			return this.blockedBy != null;
		}

		private Emission release(boolean last) {
			int length = this.pending.length();
			boolean forced = length >= StreamingGuard.this.hold;
			if (!last && !forced && !mayRelease()) {
				return Emission.NOTHING;
			}
			// a high surrogate at the very end waits for its pair
			int tail = (!last && length > 0 && Character.isHighSurrogate(this.pending.charAt(length - 1))) ? 1 : 0;
			String window = this.released + this.pending.substring(0, length - tail);
			long scanStart = System.nanoTime();
			Verdict verdict = StreamingGuard.this.windows.scan(window, this.scanContext);
			this.nanos += System.nanoTime() - scanStart;
			if (verdict.decision() == Decision.BLOCK) {
				this.blockedBy = verdict;
				this.pending.setLength(0);
				report(verdict);
				return new Emission("", verdict);
			}
			boolean enforce = StreamingGuard.this.pipeline.mode() == GuardMode.ENFORCE;
			String text = enforce ? GuardText.of(window).sanitized() : window;
			int from = this.released.length();
			List<Finding> spans = new ArrayList<>();
			List<Finding> rewrites = new ArrayList<>();
			for (Finding finding : verdict.findings()) {
				if (finding.hasSpan() && finding.end() > from) {
					spans.add(finding);
					if (enforce && StreamingGuard.this.pipeline.actionFor(finding) == Action.SANITIZE) {
						rewrites.add(finding);
					}
				}
			}
			int cut = last ? text.length() : cut(text, from, spans, forced);
			if (cut <= from) {
				return Emission.NOTHING;
			}
			List<Finding> piece = new ArrayList<>(rewrites.size());
			for (Finding finding : rewrites) {
				if (finding.start() < cut) {
					int start = Math.max(finding.start(), from) - from;
					int end = Math.min(finding.end(), cut) - from;
					piece.add(Finding.span(finding.detectorId(), finding.category(), finding.code(), finding.score(),
							start, end, finding.replacement()));
				}
			}
			// findings of the emitted part, each once, in stream coordinates
			long base = this.releasedTotal - from;
			for (Finding finding : verdict.findings()) {
				if (!finding.hasSpan()) {
					if (this.reported.putIfAbsent(finding.detectorId() + '/' + finding.code(), finding) == null) {
						this.findingCount++;
					}
				}
				else if (finding.end() > from && finding.start() < cut) {
					long absoluteStart = base + Math.max(finding.start(), from);
					String key = finding.detectorId() + '/' + finding.code() + '@' + absoluteStart;
					if (this.reported.putIfAbsent(key, finding) == null) {
						this.findingCount++;
					}
				}
			}
			this.releasedTotal += cut - from;
			this.redactions += piece.size();
			for (Finding finding : piece) {
				this.redactedChars += finding.end() - finding.start();
			}
			String out = GuardPipeline.rewrite(text.substring(from, cut), piece);
			this.emitted += out.length();
			this.released = contextOf(text, cut);
			String rest = text.substring(cut);
			String held = (tail == 1) ? rest + this.pending.charAt(length - 1) : rest;
			this.pending.setLength(0);
			this.pending.append(held);
			return new Emission(out, null);
		}

		/**
		 * Cheap pre-check before scanning: is there whitespace early enough in the buffer
		 * for a boundary that releases at least {@code minRelease} characters?
		 */
		private boolean mayRelease() {
			int limit = this.pending.length() - StreamingGuard.this.lookahead;
			int lowest = Math.max(0, StreamingGuard.this.minRelease - 1);
			for (int i = limit - 1; i >= lowest; i--) {
				if (Character.isWhitespace(this.pending.charAt(i))) {
					return true;
				}
			}
			return false;
		}

		/**
		 * The last released characters kept as context, starting after a whitespace where
		 * possible so the context does not begin mid-word.
		 */
		private String contextOf(String text, int cut) {
			int start = Math.max(0, cut - StreamingGuard.this.context);
			if (start > 0) {
				int limit = Math.min(cut, start + 32);
				for (int i = start; i < limit; i++) {
					if (Character.isWhitespace(text.charAt(i))) {
						start = i + 1;
						break;
					}
				}
				if (start < cut && Character.isLowSurrogate(text.charAt(start))) {
					start++;
				}
			}
			return text.substring(start, cut);
		}

	}

	/**
	 * The last safe cut in {@code text} after {@code from}, or {@code from} when there is
	 * none.
	 */
	int cut(String text, int from, List<Finding> spans, boolean forced) {
		int limit = text.length() - this.lookahead;
		List<Integer> candidates = new ArrayList<>();
		int brackets = 0;
		boolean inDestination = false;
		boolean inTag = false;
		for (int i = from; i < limit; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '[' -> brackets = Math.min(brackets + 1, 16);
				case ']' -> {
					if (brackets > 0) {
						brackets--;
						if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
							inDestination = true;
						}
					}
				}
				case ')' -> inDestination = false;
				case '<' -> {
					if (i + 1 < text.length()
							&& (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
						inTag = true;
					}
				}
				case '>' -> inTag = false;
				case '\n' -> {
					if (i > from && text.charAt(i - 1) == '\n') {
						// links and tags do not span paragraphs
						brackets = 0;
						inDestination = false;
						inTag = false;
					}
				}
				default -> {
				}
			}
			if (Character.isWhitespace(c) && brackets == 0 && !inDestination && !inTag) {
				candidates.add(i + 1);
			}
		}
		for (int k = candidates.size() - 1; k >= 0; k--) {
			int cut = candidates.get(k);
			if (!crosses(spans, cut)) {
				return cut;
			}
		}
		if (!forced) {
			return from;
		}
		int cut = Math.max(from + 1, limit);
		for (Finding span : spans) {
			if (span.start() < cut && cut < span.end()) {
				cut = span.end();
			}
		}
		if (cut < text.length() && cut > from + 1 && Character.isHighSurrogate(text.charAt(cut - 1))) {
			cut--;
		}
		return Math.min(cut, text.length());
	}

	private static boolean crosses(List<Finding> spans, int cut) {
		for (Finding span : spans) {
			if (span.start() < cut && cut < span.end()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Builds a {@link StreamingGuard}.
	 */
	public static final class Builder {

		private final GuardPipeline pipeline;

		private int hold = DEFAULT_HOLD;

		private int lookahead = DEFAULT_LOOKAHEAD;

		private int context = DEFAULT_CONTEXT;

		private int minRelease = DEFAULT_MIN_RELEASE;

		private Builder(GuardPipeline pipeline) {
			this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
		}

		/**
		 * Buffer size at which text is released even without a safe boundary.
		 */
		public Builder hold(int hold) {
			if (hold < 2) {
				throw new IllegalArgumentException("hold must be at least 2");
			}
			this.hold = hold;
			return this;
		}

		/**
		 * Characters kept back behind a boundary: the reach of the longest entity.
		 */
		public Builder lookahead(int lookahead) {
			if (lookahead < 0) {
				throw new IllegalArgumentException("lookahead must not be negative");
			}
			this.lookahead = lookahead;
			return this;
		}

		/**
		 * Characters that must be releasable before the buffer is scanned (batches small
		 * chunks; 1 scans whenever anything could be released).
		 */
		public Builder minRelease(int minRelease) {
			if (minRelease < 1) {
				throw new IllegalArgumentException("minRelease must be at least 1");
			}
			this.minRelease = minRelease;
			return this;
		}

		/**
		 * Released characters rescanned with the buffer.
		 */
		public Builder context(int context) {
			if (context < 0) {
				throw new IllegalArgumentException("context must not be negative");
			}
			this.context = context;
			return this;
		}

		public StreamingGuard build() {
			return new StreamingGuard(this);
		}

	}

}
