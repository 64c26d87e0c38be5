package dev.aisecurity.guard.pii;

import java.util.Objects;

/**
 * A piece of personal data found in a text: its type, where it is and how sure the
 * recogniser is. Holds no text, so it can be logged and counted safely.
 *
 * @param type entity type, for example {@code EMAIL_ADDRESS}
 * @param start start index in the scanned text, inclusive
 * @param end end index, exclusive
 * @param score confidence from 0 to 1, after context enhancement
 */
public record PiiEntity(String type, int start, int end, double score) {

	public PiiEntity {
		Objects.requireNonNull(type, "type");
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
		}
		score = Math.max(0, Math.min(1, score));
	}

	public int length() {
		return this.end - this.start;
	}

	public boolean overlaps(PiiEntity other) {
		return this.start < other.end && other.start < this.end;
	}

	PiiEntity withScore(double newScore) {
		return new PiiEntity(this.type, this.start, this.end, newScore);
	}

}
