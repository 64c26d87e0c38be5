package dev.aisecurity.autoconfigure.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the tool-call guard: per-tool authorisation, argument checks and
 * result filtering for Spring AI tool calling.
 */
@ConfigurationProperties(prefix = "ai.security.tools")
public class ToolSecurityProperties {

	/**
	 * Whether tool calls are guarded at all.
	 */
	private boolean enabled = true;

	/**
	 * Whether tools without an @AiToolGuard annotation or configured policy still need an
	 * authenticated caller.
	 */
	private boolean requireAuthentication = false;

	/**
	 * Access policies by tool name, in addition to @AiToolGuard annotations (both apply
	 * when both exist).
	 */
	private Map<String, Policy> policies = new LinkedHashMap<>();

	/**
	 * Checks of the arguments the model passes to tools.
	 */
	private final Arguments arguments = new Arguments();

	/**
	 * Checks of what tools return before the model reads it.
	 */
	private final Results results = new Results();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRequireAuthentication() {
		return this.requireAuthentication;
	}

	public void setRequireAuthentication(boolean requireAuthentication) {
		this.requireAuthentication = requireAuthentication;
	}

	public Map<String, Policy> getPolicies() {
		return this.policies;
	}

	public void setPolicies(Map<String, Policy> policies) {
		this.policies = policies;
	}

	public Arguments getArguments() {
		return this.arguments;
	}

	public Results getResults() {
		return this.results;
	}

	/**
	 * A tool's access policy.
	 */
	public static class Policy {

		/**
		 * Roles (without ROLE_) of which the caller must hold one; empty for any
		 * authenticated caller.
		 */
		private List<String> roles = new ArrayList<>();

		/**
		 * Whether the caller must have presented the MFA policy's second factors.
		 */
		private boolean mfa = false;

		public List<String> getRoles() {
			return this.roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

		public boolean isMfa() {
			return this.mfa;
		}

		public void setMfa(boolean mfa) {
			this.mfa = mfa;
		}

	}

	/**
	 * Argument checks.
	 */
	public static class Arguments {

		/**
		 * Whether arguments are checked.
		 */
		private boolean enabled = true;

		/**
		 * Largest argument text (JSON) in characters; larger calls are rejected.
		 */
		private int maxChars = 16_384;

		/**
		 * Whether shell meta-characters (command substitution, chaining, pipes,
		 * redirection) are rejected. Off by default: free-text arguments contain them.
		 */
		private boolean shellCheck = false;

		/**
		 * Whether prompt injection in arguments (instructions forwarded to another agent
		 * or tool) is rejected.
		 */
		private boolean injectionCheck = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxChars() {
			return this.maxChars;
		}

		public void setMaxChars(int maxChars) {
			this.maxChars = maxChars;
		}

		public boolean isShellCheck() {
			return this.shellCheck;
		}

		public void setShellCheck(boolean shellCheck) {
			this.shellCheck = shellCheck;
		}

		public boolean isInjectionCheck() {
			return this.injectionCheck;
		}

		public void setInjectionCheck(boolean injectionCheck) {
			this.injectionCheck = injectionCheck;
		}

	}

	/**
	 * Result checks.
	 */
	public static class Results {

		/**
		 * Whether results are checked.
		 */
		private boolean enabled = true;

		/**
		 * Whether personal data in results is replaced before the model reads it.
		 */
		private boolean redactPii = true;

		/**
		 * Whether secrets in results are removed before the model reads them.
		 */
		private boolean removeSecrets = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isRedactPii() {
			return this.redactPii;
		}

		public void setRedactPii(boolean redactPii) {
			this.redactPii = redactPii;
		}

		public boolean isRemoveSecrets() {
			return this.removeSecrets;
		}

		public void setRemoveSecrets(boolean removeSecrets) {
			this.removeSecrets = removeSecrets;
		}

	}

}
