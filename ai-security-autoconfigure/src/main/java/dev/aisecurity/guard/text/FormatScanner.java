package dev.aisecurity.guard.text;

import java.util.ArrayList;
import java.util.Arrays;
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

	private static final int SAMPLE_STEP = 61;

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

	boolean isFlood(String text) {
		int length = text.length();
		if (length < Math.min(this.limits.maxCharacterRun(), this.limits.maxRepeatedSpan())) {
			return false;
		}
		return mayFlood(text) && scanFlood(text);
	}

	/**
	 * A necessary condition for {@link #scanFlood}, checked by sampling a few characters
	 * per thousand, so that ordinary text skips the full pass. A flood needs a stretch of
	 * {@code maxCharacterRun} positions each equal to the character before it, or of at
	 * least {@code max(4, maxRepeatedSpan - maxUnitLength + 1)} positions each equal to
	 * the character {@code d} before it, for one {@code d} from 2 to
	 * {@code maxUnitLength}. A stretch of length {@code L} covers a whole segment of
	 * {@code (L + 1) / 2} aligned positions, so it suffices that no segment can lie
	 * inside one: a segment is ruled out by one pair of unequal neighbours, or by sampled
	 * positions that together disagree with every candidate {@code d} (a bit set,
	 * narrowed sample by sample).
	 * @return {@code false} only when the text certainly holds no flood
	 */
	private boolean mayFlood(String text) {
		int maxUnit = this.limits.maxUnitLength();
		int runSegment = (this.limits.maxCharacterRun() + 1) / 2;
		int spanSegment = (Math.max(4, this.limits.maxRepeatedSpan() - maxUnit + 1) + 1) / 2;
		if (maxUnit > Long.SIZE || spanSegment < Long.SIZE || runSegment < 2) {
			// the bit set holds 64 periods, and short segments would not save work
			return true;
		}
		int length = text.length();
		for (int start = runSegment; start + runSegment <= length; start += runSegment) {
			if (isRun(text, start - 1, start + runSegment)) {
				return true;
			}
		}
		// bit d - 1 stands for period d
		long periods = ((maxUnit == Long.SIZE) ? -1L : (1L << maxUnit) - 1) & ~1L;
		long[] seen = null;
		for (int start = spanSegment; start + spanSegment <= length; start += spanSegment) {
			long left = samplePeriods(text, start, start + spanSegment, periods);
			if (left != 0) {
				// sparse breaks (a boundary between two repeated stretches) slip between
				// samples: look at every position for the periods left
				seen = (seen != null) ? seen : new long[256];
				if (isPeriodic(text, start, start + spanSegment, left, seen)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isRun(String text, int from, int to) {
		char first = text.charAt(from);
		for (int i = from + 1; i < to; i++) {
			if (text.charAt(i) != first) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The periods of {@code candidates} under which every sampled position of
	 * {@code [from, to)} equals the character that period before it. Samples are
	 * {@value #SAMPLE_STEP} apart, so a segment costs at most 64 comparisons per sample,
	 * however the text is built.
	 */
	private static long samplePeriods(String text, int from, int to, long candidates) {
		long periods = candidates;
		for (int i = from; i < to && periods != 0; i += SAMPLE_STEP) {
			char c = text.charAt(i);
			long left = periods;
			while (left != 0) {
				int bit = Long.numberOfTrailingZeros(left);
				left &= left - 1;
				if (text.charAt(i - bit - 1) != c) {
					periods &= ~(1L << bit);
				}
			}
		}
		return periods;
	}

	/**
	 * Whether some period of {@code candidates} holds at every position of
	 * {@code [from, to)}, in constant time per position whatever the number of
	 * candidates: {@code seen[c & 0xFF]} marks, at bit {@code p mod 64}, the positions
	 * {@code p} of the last 64 that hold a character with the low byte of {@code c}, so
	 * rotating it by the position lines its bits up with the periods. Characters that
	 * share a low byte count as equal, which keeps more candidates, never fewer.
	 */
	private static boolean isPeriodic(String text, int from, int to, long candidates, long[] seen) {
		Arrays.fill(seen, 0L);
		for (int p = from - Long.SIZE; p < from; p++) {
			seen[text.charAt(p) & 0xFF] |= 1L << p;
		}
		// here bit (64 - d) mod 64 stands for period d
		long periods = Long.reverse(candidates);
		for (int i = from; i < to; i++) {
			int c = text.charAt(i) & 0xFF;
			periods &= Long.rotateRight(seen[c], i);
			if (periods == 0) {
				return false;
			}
			seen[text.charAt(i - Long.SIZE) & 0xFF] &= ~(1L << i);
			seen[c] |= 1L << i;
		}
		return true;
	}

	/**
	 * One pass: the current run of one character, and the current periodic stretch, whose
	 * period comes from the last earlier occurrence of the same three characters (a small
	 * position table, so no per-period counters).
	 */
	boolean scanFlood(String text) {
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
