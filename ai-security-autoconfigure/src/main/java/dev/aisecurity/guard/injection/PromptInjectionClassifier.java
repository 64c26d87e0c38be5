package dev.aisecurity.guard.injection;

import java.util.OptionalDouble;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;

/**
 * A model-based prompt-injection classifier whose score {@link PromptInjectionScanner}
 * fuses with its heuristic signals.
 * <p>
 * Implementations must be thread-safe and must not log or keep the text. A classifier
 * that cannot decide returns {@link OptionalDouble#empty()} and the heuristics decide
 * alone; a classifier that throws fails the scan, which the pipeline turns into a
 * blocking {@code GUARD_ERROR} (fail closed): throw when the model is required and
 * unavailable, return empty when it is an optional second opinion.
 */
@FunctionalInterface
public interface PromptInjectionClassifier {

	/**
	 * Score a text.
	 * @param text the text; classifiers usually read {@link GuardText#sanitized()}
	 * @param context the scan context
	 * @return the probability that the text is a prompt injection or jailbreak, from 0 to
	 * 1, or empty when the classifier abstains
	 */
	OptionalDouble score(GuardText text, ScanContext context);

}
