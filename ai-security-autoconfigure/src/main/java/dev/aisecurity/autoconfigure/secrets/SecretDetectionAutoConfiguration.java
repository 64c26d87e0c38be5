package dev.aisecurity.autoconfigure.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.secrets.SecretRule;
import dev.aisecurity.guard.secrets.SecretRules;
import dev.aisecurity.guard.secrets.SecretScanner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;

/**
 * The {@link SecretScanner} as a {@code Scanner} bean for both guard pipelines: the
 * built-in rules without those named in
 * {@code ai.security.detectors.secrets.disabled-rules}, plus the rules under
 * {@code ai.security.detectors.secrets.rules}. Backs off to a user bean of type
 * {@link SecretScanner}; other components (a start-up check for hard-coded secrets, for
 * example) may inject the same bean.
 */
@AutoConfiguration(before = AiSecurityAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "ai.security.detectors.secrets.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecretDetectionProperties.class)
public class SecretDetectionAutoConfiguration {

	/** Order of the secret scanner bean: after the input hygiene scanners. */
	public static final int SECRETS_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	@Bean
	@Order(SECRETS_ORDER)
	@ConditionalOnMissingBean(SecretScanner.class)
	SecretScanner aiSecuritySecretScanner(SecretDetectionProperties properties) {
		List<SecretRule> rules = new ArrayList<>(SecretRules.defaultsExcept(properties.getDisabledRules()));
		for (int i = 0; i < properties.getRules().size(); i++) {
			rules.add(customRule(i, properties.getRules().get(i)));
		}
		return new SecretScanner(rules);
	}

	private static SecretRule customRule(int index, SecretDetectionProperties.Rule rule) {
		String prefix = "ai.security.detectors.secrets.rules[" + index + "]";
		if (!StringUtils.hasText(rule.getId())) {
			throw new IllegalStateException(prefix + ".id is required");
		}
		if (!StringUtils.hasText(rule.getPattern()) || rule.getKeywords().isEmpty()) {
			throw new IllegalStateException(prefix + " needs a pattern and at least one keyword");
		}
		String type = StringUtils.hasText(rule.getType()) ? rule.getType()
				: rule.getId().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
		try {
			return SecretRule.builder(rule.getId(), type)
				.keywords(rule.getKeywords().toArray(String[]::new))
				.pattern(rule.getPattern(), rule.getSecretGroup())
				.minEntropy(rule.getMinEntropy())
				.window(rule.getWindow())
				.build();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(prefix + " is invalid: " + ex.getMessage(), ex);
		}
	}

}
