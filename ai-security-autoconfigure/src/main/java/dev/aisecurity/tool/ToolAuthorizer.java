package dev.aisecurity.tool;

import java.util.List;

/**
 * Decides whether the current caller may have the model call a tool.
 */
@FunctionalInterface
public interface ToolAuthorizer {

	/** Reason code: the tool needs an authenticated caller. */
	String UNAUTHENTICATED = "TOOL_UNAUTHENTICATED";

	/** Reason code: the caller lacks the required role. */
	String FORBIDDEN = "TOOL_FORBIDDEN";

	/** Reason code: the caller lacks a required second factor. */
	String MFA_REQUIRED = "TOOL_MFA_REQUIRED";

	/**
	 * Decide for the caller on the current thread.
	 * @param toolName the tool
	 * @param policy its policy
	 * @return the decision
	 */
	Decision authorize(String toolName, ToolAccessPolicy policy);

	/**
	 * A decision.
	 *
	 * @param granted whether the call may proceed
	 * @param principal the caller's name ({@code anonymous} when unauthenticated)
	 * @param code the reason code of a refusal, or {@code null}
	 * @param missingFactors factor authorities missing or expired
	 */
	record Decision(boolean granted, String principal, String code, List<String> missingFactors) {

		public Decision {
			missingFactors = List.copyOf(missingFactors);
		}

		public static Decision granted(String principal) {
			return new Decision(true, principal, null, List.of());
		}

		public static Decision denied(String principal, String code, List<String> missingFactors) {
			return new Decision(false, principal, code, missingFactors);
		}

	}

}
