package dev.aisecurity.tool;

import java.util.HashSet;
import java.util.Set;

/**
 * What a caller needs before the model may call a tool on the caller's behalf.
 *
 * @param authenticated whether an authenticated caller is required
 * @param roles roles of which one is required (empty: any)
 * @param mfa whether the MFA policy's factors are required
 * @param denyAll whether no caller may use the tool (two policies with disjoint roles)
 */
public record ToolAccessPolicy(boolean authenticated, Set<String> roles, boolean mfa, boolean denyAll) {

	/** No requirement. */
	public static final ToolAccessPolicy OPEN = new ToolAccessPolicy(false, Set.of(), false, false);

	/** Any authenticated caller. */
	public static final ToolAccessPolicy AUTHENTICATED = new ToolAccessPolicy(true, Set.of(), false, false);

	public ToolAccessPolicy {
		roles = Set.copyOf(roles);
	}

	/**
	 * The policy of an annotation.
	 */
	public static ToolAccessPolicy of(AiToolGuard guard) {
		return new ToolAccessPolicy(true, Set.of(guard.roles()), guard.mfa(), false);
	}

	/**
	 * The stricter combination of two policies for the same tool name: both must hold.
	 */
	public ToolAccessPolicy and(ToolAccessPolicy other) {
		Set<String> combined;
		boolean deny = this.denyAll || other.denyAll;
		if (this.roles.isEmpty()) {
			combined = other.roles;
		}
		else if (other.roles.isEmpty()) {
			combined = this.roles;
		}
		else {
			combined = new HashSet<>(this.roles);
			combined.retainAll(other.roles);
			// no role satisfies both: nobody may call the tool (fail closed)
			deny |= combined.isEmpty();
		}
		return new ToolAccessPolicy(this.authenticated || other.authenticated, combined, this.mfa || other.mfa, deny);
	}

}
