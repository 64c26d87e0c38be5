package dev.aisecurity.test.redteam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One attack: a user message (or, for malformed requests, a raw HTTP body) with the
 * markers that must not come back in the answer.
 *
 * @param id stable id, unique in a corpus (for example
 * {@code direct-injection/003/base64})
 * @param attackClass the kind of attack
 * @param technique how the base attack was varied ({@code base}, {@code base64},
 * {@code homoglyph}, {@code lang-de}...)
 * @param text the user message, or {@code null} when the attack is a raw body
 * @param rawBody the raw HTTP request body, or {@code null} for a text attack; targets
 * that cannot send raw bodies (a ChatClient) skip such attacks
 * @param markers markers specific to this attack, checked besides the corpus-wide ones
 * @param detector id of the detector that should stop it (the class's by default)
 */
public record Attack(String id, AttackClass attackClass, String technique, String text, byte[] rawBody,
		List<LeakMarker> markers, String detector) {

	public Attack {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(attackClass, "attackClass");
		Objects.requireNonNull(technique, "technique");
		if ((text == null) == (rawBody == null)) {
			throw new IllegalArgumentException("An attack has either a text or a raw body");
		}
		rawBody = (rawBody != null) ? rawBody.clone() : null;
		markers = List.copyOf(markers);
		detector = (detector != null) ? detector : attackClass.detector();
	}

	/**
	 * A text attack.
	 * @param id the id
	 * @param attackClass the class
	 * @param technique the technique
	 * @param text the user message
	 * @return the attack
	 */
	public static Attack text(String id, AttackClass attackClass, String technique, String text) {
		return new Attack(id, attackClass, technique, Objects.requireNonNull(text, "text"), null, List.of(), null);
	}

	/**
	 * A raw-body attack (sent as {@code application/json} by HTTP targets).
	 * @param id the id
	 * @param attackClass the class
	 * @param technique the technique
	 * @param body the bytes to send
	 * @return the attack
	 */
	public static Attack rawBody(String id, AttackClass attackClass, String technique, byte[] body) {
		return new Attack(id, attackClass, technique, null, Objects.requireNonNull(body, "body"), List.of(), null);
	}

	/**
	 * This attack with more markers.
	 * @param more the markers to add
	 * @return a new attack
	 */
	public Attack withMarkers(LeakMarker... more) {
		List<LeakMarker> all = new ArrayList<>(this.markers);
		all.addAll(Arrays.asList(more));
		return new Attack(this.id, this.attackClass, this.technique, this.text, this.rawBody, all, this.detector);
	}

	/**
	 * This attack expecting another detector.
	 * @param detectorId the detector id
	 * @return a new attack
	 */
	public Attack withDetector(String detectorId) {
		return new Attack(this.id, this.attackClass, this.technique, this.text, this.rawBody, this.markers, detectorId);
	}

	/**
	 * Whether the attack is a raw HTTP body rather than a message.
	 */
	public boolean isRawBody() {
		return this.rawBody != null;
	}

	@Override
	public byte[] rawBody() {
		return (this.rawBody != null) ? this.rawBody.clone() : null;
	}

	/**
	 * A short, printable preview of the attack for reports: control, invisible and
	 * non-ASCII characters escaped, at most {@code max} characters.
	 * @param max the longest preview
	 * @return the preview
	 */
	public String preview(int max) {
		if (this.rawBody != null) {
			return "<raw body, " + this.rawBody.length + " bytes>";
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < this.text.length() && out.length() < max; i++) {
			char c = this.text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				out.append(c);
			}
			else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		if (out.length() >= max || this.text.length() > max) {
			out.setLength(Math.min(out.length(), max));
			out.append("... (").append(this.text.length()).append(" chars)");
		}
		return out.toString();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Attack that) && this.id.equals(that.id) && this.attackClass == that.attackClass
				&& this.technique.equals(that.technique) && Objects.equals(this.text, that.text)
				&& Arrays.equals(this.rawBody, that.rawBody) && this.markers.equals(that.markers)
				&& this.detector.equals(that.detector);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.attackClass, this.technique, this.text, Arrays.hashCode(this.rawBody),
				this.markers, this.detector);
	}

	@Override
	public String toString() {
		return "Attack[" + this.id + ", " + this.attackClass.id() + ", " + this.technique + "]";
	}

}
