package dev.aisecurity.guard.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Malformed and abusive input: text that is not well-formed UTF-16, carries control
 * characters, is binary data decoded as text, or floods the model with one character or
 * one short unit repeated (a denial-of-wallet trick that costs the caller little and the
 * model owner a lot). Blocks by default, except {@value #CONTROL_CHARACTERS}, which is
 * only recorded: preprocessing already removed those characters from what the model gets.
 * <p>
 * Codes: {@value #INVALID_UTF16}, {@value #CONTROL_CHARACTERS}, {@value #BINARY_CONTENT},
 * {@value #CHARACTER_FLOOD}.
 */
public final class FormatScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "format";

	/** Finding category. */
	public static final String CATEGORY = "format";

	/** Unpaired UTF-16 surrogates. */
	public static final String INVALID_UTF16 = "INVALID_UTF16";

	/** NUL or other C0/C1 control characters (removed by preprocessing). */
	public static final String CONTROL_CHARACTERS = "CONTROL_CHARACTERS";

	/** Binary data decoded as text. */
	public static final String BINARY_CONTENT = "BINARY_CONTENT";

	/** A long run of one character or of one short repeated unit. */
	public static final String CHARACTER_FLOOD = "CHARACTER_FLOOD";

	private static final int ESCAPE = 0x1B;

	private static final int HASH_BITS = 10;

	private final FormatLimits limits;

	public FormatScanner() {
		this(FormatLimits.defaults());
	}

	public FormatScanner(FormatLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits");
	}

	public FormatLimits limits() {
		return this.limits;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	@Override
	public Action action(Finding finding, ScannerPolicy policy) {
		// Control characters are already gone from the text the model gets: count them,
		// never refuse for them alone
		if (CONTROL_CHARACTERS.equals(finding.code()) && policy.action() != Action.MONITOR) {
			return Action.MONITOR;
		}
		return policy.action();
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<Finding> findings = new ArrayList<>(2);
		GuardText.TextStats stats = text.stats();
		if (stats.loneSurrogates() > 0) {
			findings.add(Finding.of(ID, CATEGORY, INVALID_UTF16, 1.0));
		}
		if (stats.controlCharacters() > 0) {
			findings.add(Finding.of(ID, CATEGORY, CONTROL_CHARACTERS, 1.0));
		}
		if (isBinary(text)) {
			findings.add(Finding.of(ID, CATEGORY, BINARY_CONTENT, 1.0));
		}
		if (isFlood(text.sanitized())) {
			findings.add(Finding.of(ID, CATEGORY, CHARACTER_FLOOD, 1.0));
		}
		return findings;
	}

	private boolean isBinary(GuardText text) {
		GuardText.TextStats stats = text.stats();
		int controls = stats.controlCharacters();
		if (controls > 0) {
			// ANSI escape sequences in pasted terminal output are text, not binary
			controls -= count(text.original(), ESCAPE);
		}
		long marks = (long) controls + stats.replacementCharacters() + stats.loneSurrogates();
		return marks >= 4 && marks >= this.limits.maxBinaryShare() * stats.codePoints();
	}

	private static int count(String text, int c) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				count++;
			}
		}
		return count;
	}

	/**
	 * One pass: the current run of one character, and the current periodic stretch, whose
	 * period comes from the last earlier occurrence of the same three characters (a small
	 * position table, so no per-period counters).
	 */
	boolean isFlood(String text) {
		int length = text.length();
		int maxRun = this.limits.maxCharacterRun();
		int maxSpan = this.limits.maxRepeatedSpan();
		int maxUnit = this.limits.maxUnitLength();
		if (length < Math.min(maxRun, maxSpan)) {
			return false;
		}
		int[] lastSeen = new int[1 << HASH_BITS];
		int mask = lastSeen.length - 1;
		char[] chars = text.toCharArray();
		int run = 1;
		int period = 0;
		int periodic = 0;
		// the two characters before the current one, kept in registers
		char prev = chars[0];
		char prev2 = 0;
		for (int i = 1; i < length; i++) {
			char c = chars[i];
			if (c == prev) {
				run++;
				if (run > maxRun) {
					return true;
				}
			}
			else {
				run = 1;
			}
			if (period > 0) {
				if (c == chars[i - period]) {
					periodic++;
					if (periodic + period > maxSpan) {
						return true;
					}
					prev2 = prev;
					prev = c;
					continue;
				}
				period = 0;
				periodic = 0;
			}
			if (i >= 2) {
				int hash = ((prev2 * 31 + prev) * 31 + c) * 0x9E3779B1;
				hash = (hash >>> (32 - HASH_BITS)) & mask;
				int previous = lastSeen[hash] - 1;
				lastSeen[hash] = i + 1;
				int distance = i - previous;
				if (previous >= 2 && distance >= 2 && distance <= maxUnit && chars[previous] == c
						&& chars[previous - 1] == prev && chars[previous - 2] == prev2) {
					period = distance;
					periodic = 3;
				}
			}
			prev2 = prev;
			prev = c;
		}
		return false;
	}

}
