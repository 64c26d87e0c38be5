package dev.aisecurity.guard.poisoning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;

/**
 * Flags documents dominated by repetition: one word or one line repeated far beyond what
 * prose, tables or code contain. Repetition is how a poisoned document games similarity
 * search (keyword stuffing pulls it to the top for a query) and how an instruction is
 * made to outweigh its context. One pass with two hash maps: linear in the text.
 * <p>
 * Code: {@value #ANOMALOUS_REPETITION}.
 */
public final class RepetitionScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "repetition";

	/** Finding category. */
	public static final String CATEGORY = "poisoning";

	/** Reason code. */
	public static final String ANOMALOUS_REPETITION = "ANOMALOUS_REPETITION";

	private final int minWords;

	private final double maxWordShare;

	private final int maxLineRepeats;

	/**
	 * Defaults: at least 40 words before word shares count, one word at most 30% of the
	 * words, one line at most 8 times.
	 */
	public RepetitionScanner() {
		this(40, 0.3, 8);
	}

	/**
	 * @param minWords words a text needs before the share of its most frequent word
	 * counts
	 * @param maxWordShare the largest share of one word (3 letters or more) among all
	 * words
	 * @param maxLineRepeats how often the same non-trivial line may appear
	 */
	public RepetitionScanner(int minWords, double maxWordShare, int maxLineRepeats) {
		if (minWords < 1 || maxWordShare <= 0 || maxWordShare > 1 || maxLineRepeats < 1) {
			throw new IllegalArgumentException("invalid repetition limits");
		}
		this.minWords = minWords;
		this.maxWordShare = maxWordShare;
		this.maxLineRepeats = maxLineRepeats;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		String value = text.normalized();
		Map<String, Integer> words = new HashMap<>();
		Map<String, Integer> lines = new HashMap<>();
		int total = 0;
		int topWord = 0;
		int topLine = 0;
		StringBuilder word = new StringBuilder();
		int lineStart = 0;
		for (int i = 0; i <= value.length(); i++) {
			char c = (i < value.length()) ? value.charAt(i) : '\n';
			if (Character.isLetter(c)) {
				if (word.length() < 32) {
					word.append(c);
				}
			}
			else if (word.length() > 0) {
				total++;
				if (word.length() >= 3) {
					topWord = Math.max(topWord, words.merge(word.toString(), 1, Integer::sum));
				}
				word.setLength(0);
			}
			if (c == '\n') {
				String line = value.substring(lineStart, i).strip();
				if (line.length() >= 12 && hasLetter(line)) {
					topLine = Math.max(topLine, lines.merge(line, 1, Integer::sum));
				}
				lineStart = i + 1;
			}
		}
		double score = 0;
		if (total >= this.minWords && topWord > this.maxWordShare * total) {
			double share = (double) topWord / total;
			score = Math.max(score, Math.min(1, 0.6 + (share - this.maxWordShare)));
		}
		if (topLine > this.maxLineRepeats) {
			score = Math.max(score, Math.min(1, 0.6 + 0.02 * (topLine - this.maxLineRepeats)));
		}
		return (score > 0) ? List.of(Finding.of(ID, CATEGORY, ANOMALOUS_REPETITION, Math.round(score * 1000) / 1000.0))
				: List.of();
	}

	private static boolean hasLetter(String line) {
		for (int i = 0; i < line.length(); i++) {
			if (Character.isLetter(line.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
