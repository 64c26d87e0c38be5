package dev.aisecurity.guard.watermark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An invisible per-principal fingerprint for model answers, so that a leaked answer can
 * be traced to the principal it was served to. The fingerprint is the first 32 bits of
 * HMAC-SHA256(key, principal); a mark is those bits as zero-width characters (U+200B for
 * 0, U+200C for 1) between two word joiners (U+2060), 34 invisible characters in all. A
 * {@link Session} inserts a mark after the first whitespace at or after every
 * {@code interval} characters (the first one near the start), at most {@code maxMarks}
 * times, so the same code marks a whole answer and a stream chunk by chunk.
 * {@link #recover} reads every mark in a text and names the candidate principals whose
 * fingerprint matches.
 * <p>
 * Limits: the marks are removed by anything that normalises or retypes the text (our own
 * input guard strips them from prompts), and a principal can only be confirmed among
 * candidates, with a chance of about n / 2^32 of a false match for n candidates per mark.
 * Thread-safe.
 */
public final class ResponseWatermark {

	static final char START = '\u2060';

	static final char ZERO = '\u200B';

	static final char ONE = '\u200C';

	static final int BITS = 32;

	private final SecretKeySpec key;

	private final int interval;

	private final int maxMarks;

	/**
	 * Create a watermark.
	 * @param key the secret key, at least 16 characters (the same for embedding and
	 * recovery)
	 * @param interval characters between marks
	 * @param maxMarks most marks per answer
	 */
	public ResponseWatermark(String key, int interval, int maxMarks) {
		Objects.requireNonNull(key, "key");
		if (key.length() < 16) {
			throw new IllegalArgumentException("The watermark key must have at least 16 characters");
		}
		if (interval < 1 || maxMarks < 1) {
			throw new IllegalArgumentException("interval and maxMarks must be positive");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.interval = interval;
		this.maxMarks = maxMarks;
	}

	/**
	 * The 32-bit fingerprint of a principal.
	 * @param principal the principal id
	 * @return the fingerprint
	 */
	public int fingerprint(String principal) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal(("ai-security:watermark:" + principal).getBytes(StandardCharsets.UTF_8));
			return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
					| (digest[3] & 0xff);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * The mark of a principal: 34 invisible characters.
	 */
	String mark(String principal) {
		int bits = fingerprint(principal);
		StringBuilder mark = new StringBuilder(BITS + 2).append(START);
		for (int i = BITS - 1; i >= 0; i--) {
			mark.append((((bits >>> i) & 1) != 0) ? ONE : ZERO);
		}
		return mark.append(START).toString();
	}

	/**
	 * Mark a whole text.
	 * @param text the answer
	 * @param principal who it is served to
	 * @return the marked text
	 */
	public String embed(String text, String principal) {
		return open(principal).apply(text);
	}

	/**
	 * A session marking one answer delivered in pieces (a stream).
	 * @param principal who it is served to
	 * @return the session
	 */
	public Session open(String principal) {
		return new Session(mark(principal));
	}

	/**
	 * The candidates whose mark appears in a text, most marks first.
	 * @param text a text that may carry marks
	 * @param candidates the principals to test
	 * @return the recovery
	 */
	public Recovery recover(String text, Collection<String> candidates) {
		List<Integer> marks = read(text);
		Map<Integer, Integer> counts = new HashMap<>();
		for (int mark : marks) {
			counts.merge(mark, 1, Integer::sum);
		}
		List<Match> matches = new ArrayList<>();
		for (String candidate : candidates) {
			Integer count = counts.get(fingerprint(candidate));
			if (count != null) {
				matches.add(new Match(candidate, count));
			}
		}
		matches.sort(Comparator.comparingInt(Match::marks).reversed().thenComparing(Match::principal));
		return new Recovery(marks.size(), List.copyOf(matches));
	}

	/**
	 * Every complete mark in a text, in order.
	 */
	static List<Integer> read(String text) {
		List<Integer> marks = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) != START) {
				i++;
				continue;
			}
			int bits = 0;
			int j = i + 1;
			int read = 0;
			while (j < text.length() && read < BITS && (text.charAt(j) == ZERO || text.charAt(j) == ONE)) {
				bits = (bits << 1) | ((text.charAt(j) == ONE) ? 1 : 0);
				read++;
				j++;
			}
			if (read == BITS && j < text.length() && text.charAt(j) == START) {
				marks.add(bits);
				i = j + 1;
			}
			else {
				// not a mark: the closing joiner may open the next one
				i = Math.max(i + 1, j);
			}
		}
		return marks;
	}

	/**
	 * Marks one answer, piece by piece. Not thread-safe (one per answer).
	 */
	public final class Session {

		private final String mark;

		private long seen;

		private long nextMark;

		private int marks;

		private Session(String mark) {
			this.mark = mark;
		}

		/**
		 * Mark the next piece of the answer.
		 * @param piece the text (may be null or empty)
		 * @return the piece with any marks due in it
		 */
		public String apply(String piece) {
			if (piece == null || piece.isEmpty() || this.marks >= ResponseWatermark.this.maxMarks) {
				this.seen += (piece != null) ? piece.length() : 0;
				return piece;
			}
			StringBuilder out = null;
			int copied = 0;
			for (int i = 0; i < piece.length() && this.marks < ResponseWatermark.this.maxMarks; i++) {
				if (this.seen + i >= this.nextMark && Character.isWhitespace(piece.charAt(i))) {
					if (out == null) {
						out = new StringBuilder(piece.length() + this.mark.length() * 2);
					}
					out.append(piece, copied, i + 1).append(this.mark);
					copied = i + 1;
					this.marks++;
					this.nextMark = this.seen + i + ResponseWatermark.this.interval;
				}
			}
			this.seen += piece.length();
			if (out == null) {
				return piece;
			}
			return out.append(piece, copied, piece.length()).toString();
		}

	}

	/**
	 * What a text revealed.
	 *
	 * @param marks complete marks found
	 * @param matches candidates whose fingerprint matched at least one mark, most marks
	 * first
	 */
	public record Recovery(int marks, List<Match> matches) {

		/**
		 * The most likely principal, or null when no mark matched.
		 */
		public String principal() {
			return this.matches.isEmpty() ? null : this.matches.get(0).principal();
		}

	}

	/**
	 * A candidate whose mark was found.
	 *
	 * @param principal the candidate
	 * @param marks how many marks carried its fingerprint
	 */
	public record Match(String principal, int marks) {

	}

}
