package dev.aisecurity.guard.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.guard.indirect.IndirectInjectionScanner;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.poisoning.DocumentLinkScanner;
import dev.aisecurity.guard.poisoning.RepetitionScanner;
import dev.aisecurity.guard.secrets.SecretScanner;
import dev.aisecurity.guard.text.UnicodeScanner;

/**
 * Judges one document (a chunk to be embedded, a retrieved passage, a tool result) in two
 * steps, both {@link GuardPipeline}s so that policies, monitor mode and fail-closed
 * scanner errors work as everywhere else:
 * <ol>
 * <li>detection: hidden text, indirect prompt injection, exfiltration images, anomalous
 * repetition. A BLOCK makes the document {@link Outcome#POISONED}; under a SANITIZE
 * policy for {@link IndirectInjectionScanner} the injected sentences are removed instead
 * ({@link Outcome#INJECTION_REMOVED}).</li>
 * <li>sanitisation: secrets and personal data rewritten by their operators (redaction,
 * masking, keyed pseudonyms).</li>
 * </ol>
 * A poisoned document's {@link DocumentVerdict#text()} is its sanitised original, for
 * callers that keep it tagged (never for a prompt). Immutable and thread-safe.
 */
public final class DocumentGuard {

	private final GuardPipeline detection;

	private final GuardPipeline sanitization;

	/**
	 * @param detection the detection pipeline (scanners whose BLOCK means poisoned)
	 * @param sanitization the rewriting pipeline, or {@code null} for none
	 */
	public DocumentGuard(GuardPipeline detection, GuardPipeline sanitization) {
		this.detection = Objects.requireNonNull(detection, "detection");
		this.sanitization = sanitization;
	}

	/**
	 * The built-in document guard: hidden text, indirect injection (dropping),
	 * exfiltration images and repetition; secrets and personal data redacted.
	 */
	public static DocumentGuard withDefaults() {
		return new DocumentGuard(defaultDetection(false), defaultSanitization());
	}

	/**
	 * The built-in detection pipeline.
	 * @param removeInjections remove injected sentences rather than poison the document
	 */
	public static GuardPipeline defaultDetection(boolean removeInjections) {
		GuardPipeline.Builder builder = GuardPipeline.builder()
			.direction(Direction.INPUT)
			.scanner(new UnicodeScanner())
			.scanner(new IndirectInjectionScanner())
			.scanner(new DocumentLinkScanner())
			.scanner(new RepetitionScanner());
		if (removeInjections) {
			builder.policy(IndirectInjectionScanner.ID,
					ScannerPolicy.sanitize(IndirectInjectionScanner.DEFAULT_THRESHOLD));
		}
		return builder.build();
	}

	/**
	 * The built-in sanitisation pipeline: secrets and personal data replaced.
	 */
	public static GuardPipeline defaultSanitization() {
		return GuardPipeline.builder()
			.direction(Direction.INPUT)
			.scanner(new SecretScanner())
			.scanner(PiiScanner.withDefaults())
			.policy(SecretScanner.ID, ScannerPolicy.sanitize(0.5))
			.policy(PiiScanner.ID, ScannerPolicy.sanitize(PiiScanner.DEFAULT_THRESHOLD))
			.build();
	}

	public GuardPipeline detection() {
		return this.detection;
	}

	public GuardPipeline sanitization() {
		return this.sanitization;
	}

	/**
	 * Judge a document's text.
	 * @param text the text
	 * @param context the scan context (direction INPUT; a system prompt when known)
	 * @return the verdict
	 */
	public DocumentVerdict scan(String text, ScanContext context) {
		String original = (text != null) ? text : "";
		Verdict detected = this.detection.scan(original, context);
		List<Finding> findings = new ArrayList<>(detected.findings());
		Outcome outcome;
		String current;
		if (detected.isBlocked()) {
			outcome = Outcome.POISONED;
			current = dev.aisecurity.guard.GuardText.of(original).sanitized();
		}
		else {
			current = detected.text();
			outcome = removedInjection(detected) ? Outcome.INJECTION_REMOVED
					: (detected.decision() == Decision.SANITIZE) ? Outcome.SANITIZED : Outcome.CLEAN;
		}
		if (this.sanitization != null) {
			Verdict sanitized = this.sanitization.scan(current, context);
			findings.addAll(sanitized.findings());
			if (sanitized.isBlocked()) {
				// a sanitiser that blocks (by configuration or on error) fails closed
				return new DocumentVerdict(Outcome.POISONED, null, findings, reasons(findings, sanitized.blocking()));
			}
			if (sanitized.decision() == Decision.SANITIZE) {
				current = sanitized.text();
				if (outcome == Outcome.CLEAN) {
					outcome = Outcome.SANITIZED;
				}
			}
		}
		return new DocumentVerdict(outcome, current, findings, reasons(findings, detected.blocking()));
	}

	private boolean removedInjection(Verdict verdict) {
		for (Finding finding : verdict.findings()) {
			if (IndirectInjectionScanner.ID.equals(finding.detectorId()) && finding.hasSpan()
					&& this.detection.actionFor(finding) == Action.SANITIZE) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> reasons(List<Finding> findings, List<Finding> blocking) {
		Set<String> codes = new LinkedHashSet<>();
		blocking.forEach((finding) -> codes.add(finding.code()));
		findings.forEach((finding) -> codes.add(finding.code()));
		return codes;
	}

	/**
	 * What the guard made of a document.
	 */
	public enum Outcome {

		/** Nothing found. */
		CLEAN,
		/** Secrets, personal data or invisible characters rewritten. */
		SANITIZED,
		/** Injected instructions removed (and possibly other rewrites). */
		INJECTION_REMOVED,
		/** Must not reach a model or an index. */
		POISONED

	}

	/**
	 * A document's verdict. Its {@link #toString()} holds no text.
	 *
	 * @param outcome the outcome
	 * @param text the rewritten text; for POISONED the sanitised original (for tagging
	 * only), or {@code null} when even sanitisation failed
	 * @param findings every finding of both steps
	 * @param reasonCodes stable reason codes, blocking ones first
	 */
	public record DocumentVerdict(Outcome outcome, String text, List<Finding> findings, Set<String> reasonCodes) {

		public DocumentVerdict {
			findings = List.copyOf(findings);
			reasonCodes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(reasonCodes));
		}

		public boolean isPoisoned() {
			return this.outcome == Outcome.POISONED;
		}

		/**
		 * Whether the guard kept injected instructions from the model: it removed them or
		 * poisoned the document.
		 */
		public boolean flagged() {
			return this.outcome == Outcome.POISONED || this.outcome == Outcome.INJECTION_REMOVED;
		}

		@Override
		public String toString() {
			return "DocumentVerdict[outcome=" + this.outcome + ", reasons=" + this.reasonCodes + "]";
		}

	}

}
