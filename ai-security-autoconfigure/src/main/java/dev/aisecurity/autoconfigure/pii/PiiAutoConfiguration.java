package dev.aisecurity.autoconfigure.pii;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.aisecurity.ai.PiiTokenizationAdvisor;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.pii.ContextWords;
import dev.aisecurity.guard.pii.DictionaryRecognizer;
import dev.aisecurity.guard.pii.PatternRecognizer;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiOperator;
import dev.aisecurity.guard.pii.PiiOperators;
import dev.aisecurity.guard.pii.PiiRecognizer;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.pii.PiiTokenizer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * PII detection: a {@link PiiAnalyzer} built from {@link PiiProperties} plus every
 * {@link PiiRecognizer} bean, exposed to the guard pipelines as the {@link PiiScanner}
 * ({@code Scanner} id {@code pii}); and, with
 * {@code ai.security.detectors.pii.tokenization.enabled=true}, a
 * {@link PiiTokenizationAdvisor} added to every ChatClient built from the auto-configured
 * builder.
 */
@AutoConfiguration(before = AiSecurityAutoConfiguration.class)
@ConditionalOnClass(PiiScanner.class)
@ConditionalOnBooleanProperty(name = "ai.security.detectors.pii.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PiiProperties.class)
public class PiiAutoConfiguration {

	/** Bean name of the customizer that adds the tokenisation advisor to ChatClients. */
	public static final String TOKENIZATION_CUSTOMIZER = "aiSecurityPiiTokenizationCustomizer";

	@Bean
	@ConditionalOnMissingBean
	PiiAnalyzer aiSecurityPiiAnalyzer(PiiProperties properties, ObjectProvider<PiiRecognizer> recognizers) {
		PiiAnalyzer.Builder builder = PiiAnalyzer.builder()
			.defaultMinScore(properties.getMinScore())
			.phoneRegions(properties.getPhoneRegions());
		ContextWords context = ContextWords.defaults();
		for (Map.Entry<String, java.util.List<String>> entry : properties.getContextWords().entrySet()) {
			context = context.with(entry.getKey(), entry.getValue());
		}
		builder.context(context);
		properties.getTypes().forEach((type, settings) -> {
			if (!settings.isEnabled()) {
				builder.disable(type);
			}
			if (settings.getMinScore() != null) {
				builder.minScore(type, settings.getMinScore());
			}
		});
		properties.getRecognizers().forEach((name, custom) -> builder.recognizer(customRecognizer(name, custom)));
		recognizers.orderedStream().forEach(builder::recognizer);
		return builder.build();
	}

	private static PiiRecognizer customRecognizer(String name, PiiProperties.Recognizer custom) {
		String prefix = "ai.security.detectors.pii.recognizers." + name;
		if (!StringUtils.hasText(custom.getType())) {
			throw new IllegalStateException(prefix + ".type is required");
		}
		boolean hasPattern = StringUtils.hasText(custom.getPattern());
		boolean hasTerms = !custom.getTerms().isEmpty();
		if (hasPattern == hasTerms) {
			throw new IllegalStateException(prefix + " needs exactly one of pattern or terms");
		}
		return hasPattern ? new PatternRecognizer(custom.getType(), custom.getPattern(), custom.getScore())
				: new DictionaryRecognizer(custom.getType(), custom.getTerms(), custom.getScore());
	}

	@Bean
	@ConditionalOnMissingBean
	PiiScanner aiSecurityPiiScanner(PiiAnalyzer analyzer, PiiProperties properties) {
		byte[] key = StringUtils.hasText(properties.getHashKey())
				? properties.getHashKey().getBytes(StandardCharsets.UTF_8) : null;
		PiiScanner.Builder builder = PiiScanner.builder()
			.analyzer(analyzer)
			.defaultOperator(operator(properties.getOperator(), 4, key, "operator"));
		properties.getTypes().forEach((type, settings) -> {
			if (settings.getOperator() != null || settings.getMaskKeepLast() != 4) {
				PiiOperator.Kind kind = (settings.getOperator() != null) ? settings.getOperator()
						: properties.getOperator();
				builder.operator(type, operator(kind, settings.getMaskKeepLast(), key, "types." + type + ".operator"));
			}
		});
		return builder.build();
	}

	private static PiiOperator operator(PiiOperator.Kind kind, int keepLast, byte[] key, String property) {
		if (kind == PiiOperator.Kind.HASH && (key == null || key.length < 16)) {
			// fail at start-up rather than redact with a guessable key
			throw new IllegalStateException("ai.security.detectors.pii." + property
					+ "=HASH needs ai.security.detectors.pii.hash-key of at least 16 bytes");
		}
		return PiiOperators.of(kind, keepLast, key);
	}

	@Bean
	@ConditionalOnMissingBean
	PiiTokenizer aiSecurityPiiTokenizer(PiiAnalyzer analyzer) {
		return new PiiTokenizer(analyzer);
	}

	/**
	 * The tokenisation advisor, for ChatClients built from the auto-configured builder.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	@ConditionalOnBooleanProperty(name = "ai.security.detectors.pii.tokenization.enabled")
	static class TokenizationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PiiTokenizationAdvisor aiSecurityPiiTokenizationAdvisor(PiiTokenizer tokenizer, PiiProperties properties) {
			return new PiiTokenizationAdvisor(tokenizer, properties.getTokenization().getOrder());
		}

		@Bean(name = TOKENIZATION_CUSTOMIZER)
		@ConditionalOnMissingBean(name = TOKENIZATION_CUSTOMIZER)
		ChatClientBuilderCustomizer aiSecurityPiiTokenizationCustomizer(PiiTokenizationAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

}
