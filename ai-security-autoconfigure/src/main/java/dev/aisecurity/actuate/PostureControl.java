package dev.aisecurity.actuate;

import java.util.Locale;
import java.util.Objects;

/**
 * One control of the deployment checklist, as evaluated live.
 *
 * @param id stable identifier ({@code tls}, {@code rate-limiting}, ...)
 * @param status whether it is in place
 * @param evidence what the status is based on: property names, bean names or property
 * source names, never a value
 * @param advice what to do about a gap (empty when active)
 */
public record PostureControl(String id, Status status, String evidence, String advice) {

	public PostureControl {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		evidence = (evidence != null) ? evidence : "";
		advice = (advice != null) ? advice : "";
	}

	/**
	 * An active control.
	 * @param id the id
	 * @param evidence the evidence
	 * @return the control
	 */
	public static PostureControl active(String id, String evidence) {
		return new PostureControl(id, Status.ACTIVE, evidence, "");
	}

	/**
	 * Whether this control is a gap (missing or degraded).
	 * @return true for a gap
	 */
	public boolean isGap() {
		return this.status != Status.ACTIVE;
	}

	/**
	 * The status of a control.
	 */
	public enum Status {

		/** In place. */
		ACTIVE,
		/**
		 * In place but weaker than it should be (monitor mode, per-instance state...).
		 */
		DEGRADED,
		/** Not in place. */
		MISSING;

		/**
		 * The lower-case name used in reports.
		 * @return {@code active}, {@code degraded} or {@code missing}
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
