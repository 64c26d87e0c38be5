package dev.aisecurity.guard.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Refuses oversized messages and prompts: too many characters, or too many estimated
 * tokens (a denial-of-wallet guard as much as a robustness one). Per message as a
 * {@link Scanner}; for a whole prompt of several messages through
 * {@link #checkPrompt(List)}. Blocks by default.
 * <p>
 * Codes: {@value #INPUT_TOO_LONG}, {@value #TOO_MANY_TOKENS}, {@value #PROMPT_TOO_LONG}.
 */
public final class SizeScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "size";

	/** Finding category. */
	public static final String CATEGORY = "size";

	/** One message has more characters than allowed. */
	public static final String INPUT_TOO_LONG = "INPUT_TOO_LONG";

	/** One message has more estimated tokens than allowed. */
	public static final String TOO_MANY_TOKENS = "TOO_MANY_TOKENS";

	/** The messages of a prompt together exceed the character or token limit. */
	public static final String PROMPT_TOO_LONG = "PROMPT_TOO_LONG";

	private final SizeLimits limits;

	public SizeScanner() {
		this(SizeLimits.defaults());
	}

	public SizeScanner(SizeLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits");
	}

	public SizeLimits limits() {
		return this.limits;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean supports(Direction direction) {
		return direction == Direction.INPUT;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<Finding> findings = new ArrayList<>(1);
		if (text.original().length() > this.limits.maxMessageCharacters()) {
			findings.add(Finding.of(ID, CATEGORY, INPUT_TOO_LONG, 1.0));
		}
		else if (TokenEstimator.exceeds(text.sanitized(), text.plainAscii(), this.limits.maxMessageTokens())) {
			findings.add(Finding.of(ID, CATEGORY, TOO_MANY_TOKENS, 1.0));
		}
		return findings;
	}

	private long checkMessage(String text, List<Finding> findings) {
		if (text.length() > this.limits.maxMessageCharacters()) {
			findings.add(Finding.of(ID, CATEGORY, INPUT_TOO_LONG, 1.0));
			// Beyond the character limit the estimate no longer matters; assume the worst
			return text.length();
		}
		long tokens = TokenEstimator.estimate(text);
		if (tokens > this.limits.maxMessageTokens()) {
			findings.add(Finding.of(ID, CATEGORY, TOO_MANY_TOKENS, 1.0));
		}
		return tokens;
	}

	/**
	 * Check every message of a prompt and the prompt as a whole against these limits.
	 * @param messages the texts of the prompt's messages (nulls count as empty)
	 * @return the findings, empty when the prompt is within the limits
	 */
	public List<Finding> checkPrompt(List<String> messages) {
		List<Finding> findings = new ArrayList<>(2);
		long characters = 0;
		long tokens = 0;
		for (String message : messages) {
			String text = (message != null) ? message : "";
			characters += text.length();
			if (characters > this.limits.maxPromptCharacters()) {
				// stop early: the rest cannot make the prompt acceptable again
				break;
			}
			tokens += checkMessage(text, findings);
		}
		if (characters > this.limits.maxPromptCharacters() || tokens > this.limits.maxPromptTokens()) {
			findings.add(Finding.of(ID, CATEGORY, PROMPT_TOO_LONG, 1.0));
		}
		return findings.stream().distinct().toList();
	}

	/**
	 * Check a whole prompt against the given limits.
	 * @see #checkPrompt(List)
	 */
	public static List<Finding> checkPrompt(List<String> messages, SizeLimits limits) {
		return new SizeScanner(limits).checkPrompt(messages);
	}

}
