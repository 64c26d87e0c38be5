package dev.aisecurity.autoconfigure.injection;

import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.injection.PromptInjectionClassifier;
import dev.aisecurity.guard.injection.PromptInjectionScanner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Prompt-injection and jailbreak detection: a {@link PromptInjectionScanner}
 * ({@link Scanner} id {@code prompt-injection}) built from
 * {@link PromptInjectionProperties}, fusing the scores of every
 * {@link PromptInjectionClassifier} bean with its heuristics. The guard pipelines pick it
 * up with the other {@link Scanner} beans.
 */
@AutoConfiguration(before = AiSecurityAutoConfiguration.class)
@ConditionalOnClass(PromptInjectionScanner.class)
@ConditionalOnBooleanProperty(name = "ai.security.detectors.prompt-injection.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PromptInjectionProperties.class)
public class PromptInjectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PromptInjectionScanner aiSecurityPromptInjectionScanner(PromptInjectionProperties properties,
			ObjectProvider<PromptInjectionClassifier> classifiers) {
		return new PromptInjectionScanner(properties.toSettings(), classifiers.orderedStream().toList());
	}

}
