package dev.aisecurity.actuate;

import java.util.List;

/**
 * The evaluated checklist.
 *
 * @param production whether a production profile is active (stricter evaluation)
 * @param activeProfiles the active profiles
 * @param controls every control, in checklist order
 */
public record PostureReport(boolean production, List<String> activeProfiles, List<PostureControl> controls) {

	public PostureReport {
		activeProfiles = List.copyOf(activeProfiles);
		controls = List.copyOf(controls);
	}

	/**
	 * The controls that are not active.
	 * @return the gaps
	 */
	public List<PostureControl> gaps() {
		return this.controls.stream().filter(PostureControl::isGap).toList();
	}

	/**
	 * A control by id.
	 * @param id the id
	 * @return the control, or null
	 */
	public PostureControl control(String id) {
		return this.controls.stream().filter((control) -> control.id().equals(id)).findFirst().orElse(null);
	}

}
