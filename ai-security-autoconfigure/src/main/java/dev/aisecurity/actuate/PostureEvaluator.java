package dev.aisecurity.actuate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Evaluates the deployment checklist live, from the beans and configuration of the
 * running application. Evidence names beans, properties and property sources; it never
 * contains a property value other than booleans and enum-like switches.
 * <p>
 * Production profiles are stricter: TLS, literal provider secrets and per-instance rate
 * limits are gaps ({@code missing} / {@code degraded}) there, but only {@code degraded}
 * (TLS, secrets) or {@code active} (rate limits) elsewhere.
 */
public class PostureEvaluator {

	private static final String PROMPT_GUARD = "dev.aisecurity.ai.InputGuardAdvisor";

	private static final String OUTPUT_GUARD = "dev.aisecurity.ai.OutputGuardAdvisor";

	private static final String RATE_LIMITER = "dev.aisecurity.ratelimit.TieredRateLimiter";

	private static final String REDIS_STORE = "dev.aisecurity.ratelimit.RedisRateLimitStore";

	private static final String RATE_LIMIT_STORE = "dev.aisecurity.ratelimit.RateLimitStore";

	private static final String AUTHORIZATION = "dev.aisecurity.web.AiGuardedAuthorizationManager";

	private static final String MFA_POLICY = "dev.aisecurity.web.mfa.MfaPolicy";

	private static final String VAULT_PROVIDER_KEYS = "dev.aisecurity.vault.provider.VaultProviderKeys";

	private static final String AUDIT_REPOSITORY = "org.springframework.boot.actuate.audit.AuditEventRepository";

	private static final String AUDIT_SINK = "dev.aisecurity.audit.AiAuditSink";

	private static final String MODEL_INTEGRITY = "dev.aisecurity.integrity.ModelIntegrityManager";

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	private final ListableBeanFactory beans;

	private final ConfigurableEnvironment environment;

	private final List<String> productionProfiles;

	private final List<String> secretProperties;

	private final boolean tlsTerminatedUpstream;

	/**
	 * Create an evaluator.
	 * @param beans the application's beans
	 * @param environment its environment
	 * @param productionProfiles the profiles that make the evaluation strict
	 * @param secretProperties the provider credential properties to locate
	 * @param tlsTerminatedUpstream whether TLS is declared terminated by a proxy
	 */
	public PostureEvaluator(ListableBeanFactory beans, ConfigurableEnvironment environment,
			List<String> productionProfiles, List<String> secretProperties, boolean tlsTerminatedUpstream) {
		this.beans = Objects.requireNonNull(beans, "beans");
		this.environment = Objects.requireNonNull(environment, "environment");
		this.productionProfiles = List.copyOf(productionProfiles);
		this.secretProperties = List.copyOf(secretProperties);
		this.tlsTerminatedUpstream = tlsTerminatedUpstream;
	}

	/**
	 * Evaluate every control.
	 * @return the report
	 */
	public PostureReport evaluate() {
		List<String> active = Arrays.asList(this.environment.getActiveProfiles());
		boolean production = active.stream().anyMatch(this.productionProfiles::contains);
		List<PostureControl> controls = new ArrayList<>();
		controls.add(guard("input-validation", PROMPT_GUARD, "ai.security.input.enabled",
				"Keep ai.security.input.enabled=true and build ChatClients from the auto-configured ChatClient.Builder."));
		controls.add(guard("output-filtering", OUTPUT_GUARD, "ai.security.output.enabled",
				"Enable the output guard (ai.security.output.enabled) so replies are scanned for leaks and PII."));
		controls.add(rateLimiting(production));
		controls.add(presence("authentication", AUTHORIZATION,
				"Add Spring Security and annotate AI endpoints with @AiGuarded (API keys or login)."));
		controls.add(mfa());
		controls.add(secrets(production));
		controls.add(tls(production));
		controls.add(auditSink());
		controls.add(modelIntegrity(production));
		controls.add(presence("monitoring", METER_REGISTRY,
				"Add spring-boot-starter-actuator with a Micrometer registry to export guard metrics."));
		controls.add(killSwitch());
		contributed(controls);
		return new PostureReport(production, active, controls);
	}

	private PostureControl guard(String id, String type, String property, String advice) {
		String[] names = beanNames(type);
		if (names.length == 0) {
			return new PostureControl(id, PostureControl.Status.MISSING, "no " + simpleName(type) + " bean", advice);
		}
		String mode = this.environment.getProperty("ai.security.mode", "enforce").toLowerCase(Locale.ROOT);
		String evidence = "bean " + names[0] + ", ai.security.mode=" + ("monitor".equals(mode) ? "monitor" : "enforce");
		if ("monitor".equals(mode)) {
			return new PostureControl(id, PostureControl.Status.DEGRADED, evidence,
					"Monitor mode only reports: set ai.security.mode=enforce to block.");
		}
		return PostureControl.active(id, evidence);
	}

	private PostureControl rateLimiting(boolean production) {
		String[] limiter = beanNames(RATE_LIMITER);
		if (limiter.length == 0) {
			return new PostureControl("rate-limiting", PostureControl.Status.MISSING, "no TieredRateLimiter bean",
					"Enable ai.security.rate-limit with tiers for your callers.");
		}
		boolean shared = beanNames(REDIS_STORE).length > 0;
		String[] stores = beanNames(RATE_LIMIT_STORE);
		String evidence = "bean " + limiter[0] + ((stores.length > 0) ? ", store bean " + stores[0] : "")
				+ (shared ? " (Redis, shared)" : " (in memory, per instance)");
		if (production && !shared) {
			return new PostureControl("rate-limiting", PostureControl.Status.DEGRADED, evidence,
					"Limits are per instance: configure the Redis store so all instances share budgets.");
		}
		return PostureControl.active("rate-limiting", evidence);
	}

	private PostureControl presence(String id, String type, String advice) {
		String[] names = beanNames(type);
		if (names.length == 0) {
			return new PostureControl(id, PostureControl.Status.MISSING, "no " + simpleName(type) + " bean", advice);
		}
		return PostureControl.active(id, "bean " + names[0]);
	}

	private PostureControl mfa() {
		String[] names = beanNames(MFA_POLICY);
		if (names.length == 0) {
			return new PostureControl("mfa", PostureControl.Status.MISSING, "no MfaPolicy bean",
					"Enable the starter's web security (ai.security.mfa.*) so admin operations need a second factor.");
		}
		if (!this.environment.getProperty("ai.security.models.admin.mfa", Boolean.class, true)) {
			return new PostureControl("mfa", PostureControl.Status.DEGRADED,
					"bean " + names[0] + ", ai.security.models.admin.mfa=false",
					"Admin operations (rollback, kill switch) run without a second factor: set ai.security.models.admin.mfa=true.");
		}
		return PostureControl.active("mfa", "bean " + names[0] + ", ai.security.models.admin.mfa=true");
	}

	private PostureControl secrets(boolean production) {
		List<String> found = new ArrayList<>();
		PostureControl.Status worst = PostureControl.Status.ACTIVE;
		if (beanNames(VAULT_PROVIDER_KEYS).length > 0) {
			found.add("provider keys from Vault (bean " + beanNames(VAULT_PROVIDER_KEYS)[0] + ")");
		}
		for (String property : this.secretProperties) {
			String source = sourceOf(property);
			if (source == null) {
				continue;
			}
			Origin origin = classify(source);
			found.add(property + " from " + origin.label + " (" + source + ")");
			PostureControl.Status status = switch (origin) {
				case VAULT, ENVIRONMENT, MOUNTED -> PostureControl.Status.ACTIVE;
				case COMMAND_LINE -> PostureControl.Status.DEGRADED;
				case LITERAL -> production ? PostureControl.Status.MISSING : PostureControl.Status.DEGRADED;
			};
			if (status.ordinal() > worst.ordinal()) {
				worst = status;
			}
		}
		String evidence = found.isEmpty() ? "no provider credential property set" : String.join("; ", found);
		if (worst == PostureControl.Status.ACTIVE) {
			return PostureControl.active("secrets", evidence);
		}
		return new PostureControl("secrets", worst, evidence,
				"Supply provider keys from Vault, the environment or a secrets mount (configtree:), never a literal in a file or on the command line.");
	}

	private String sourceOf(String property) {
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> && source.containsProperty(property)) {
				return source.getName();
			}
			if (!(source instanceof EnumerablePropertySource<?>) && source.getProperty(property) != null) {
				return source.getName();
			}
		}
		return null;
	}

	private static Origin classify(String sourceName) {
		String name = sourceName.toLowerCase(Locale.ROOT);
		if (name.contains("vault")) {
			return Origin.VAULT;
		}
		if (name.contains("systemenvironment")) {
			return Origin.ENVIRONMENT;
		}
		if (name.contains("configtree")) {
			return Origin.MOUNTED;
		}
		if (name.contains("commandline") || name.contains("systemproperties")) {
			return Origin.COMMAND_LINE;
		}
		return Origin.LITERAL;
	}

	private PostureControl tls(boolean production) {
		boolean enabled = this.environment.getProperty("server.ssl.enabled", Boolean.class, false)
				|| this.environment.containsProperty("server.ssl.bundle");
		if (enabled) {
			return PostureControl.active("tls", "server.ssl.enabled=true or server.ssl.bundle set");
		}
		if (this.tlsTerminatedUpstream) {
			return PostureControl.active("tls", "ai.security.posture.tls-terminated-upstream=true");
		}
		return new PostureControl("tls", production ? PostureControl.Status.MISSING : PostureControl.Status.DEGRADED,
				"server.ssl.enabled is not true",
				"Serve HTTPS (server.ssl.bundle) or, behind a TLS-terminating proxy, set ai.security.posture.tls-terminated-upstream=true.");
	}

	private PostureControl auditSink() {
		String[] repository = beanNames(AUDIT_REPOSITORY);
		String[] sink = beanNames(AUDIT_SINK);
		if (repository.length > 0) {
			return PostureControl.active("audit-sink",
					"bean " + repository[0] + ((sink.length > 0) ? ", bean " + sink[0] : ""));
		}
		if (sink.length > 0) {
			return new PostureControl("audit-sink", PostureControl.Status.DEGRADED,
					"bean " + sink[0] + ", no AuditEventRepository bean",
					"Audit events are published but not stored: define an AuditEventRepository (or ship the audit log).");
		}
		return new PostureControl("audit-sink", PostureControl.Status.MISSING, "no AuditEventRepository bean",
				"Define an AuditEventRepository bean so security events (denials, kill switch, rollbacks) are kept.");
	}

	private PostureControl modelIntegrity(boolean production) {
		String[] names = beanNames(MODEL_INTEGRITY);
		if (names.length == 0) {
			return new PostureControl("model-integrity", PostureControl.Status.MISSING,
					"ai.security.models.manifest not set",
					"Pin model artifacts with a signed manifest (ai.security.models.manifest); see docs/model-integrity.md.");
		}
		Object manager = this.beans.getBean(names[0]);
		boolean initialized = (manager instanceof dev.aisecurity.integrity.ModelIntegrityManager integrity)
				&& integrity.isInitialized();
		if (!initialized) {
			return new PostureControl("model-integrity", PostureControl.Status.DEGRADED,
					"bean " + names[0] + ", not verified yet",
					"Verify the manifest at start-up or through POST /actuator/aimodels/verify.");
		}
		return PostureControl.active("model-integrity", "bean " + names[0] + ", manifest verified");
	}

	private PostureControl killSwitch() {
		String[] names = beanNames(KillSwitch.class.getName());
		if (names.length == 0) {
			return new PostureControl("kill-switch", PostureControl.Status.MISSING, "no KillSwitch bean",
					"Keep the kill-switch auto-configuration so incidents can stop all AI calls at once.");
		}
		KillSwitch killSwitch = this.beans.getBean(names[0], KillSwitch.class);
		if (killSwitch.isEngaged()) {
			return new PostureControl("kill-switch", PostureControl.Status.DEGRADED,
					"bean " + names[0] + ", engaged: all AI calls are refused",
					"Disengage with POST /actuator/aikillswitch/disengage once the incident is resolved.");
		}
		return PostureControl.active("kill-switch", "bean " + names[0] + ", disengaged (ai.security.kill-switch)");
	}

	private void contributed(List<PostureControl> controls) {
		this.beans.getBeanProvider(PostureContributor.class).orderedStream().forEach((contributor) -> {
			try {
				controls.addAll(contributor.controls());
			}
			catch (RuntimeException ex) {
				// a failing contributor must not hide the rest of the report
			}
		});
	}

	private String[] beanNames(String className) {
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			return new String[0];
		}
		return this.beans.getBeanNamesForType(ClassUtils.resolveClassName(className, classLoader), true, false);
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private enum Origin {

		VAULT("Vault"), ENVIRONMENT("environment"), MOUNTED("secrets mount"), COMMAND_LINE("command line"),
		LITERAL("configuration file literal");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

	}

}
