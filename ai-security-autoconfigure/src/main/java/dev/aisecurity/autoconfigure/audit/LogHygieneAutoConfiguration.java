package dev.aisecurity.autoconfigure.audit;

import ch.qos.logback.classic.LoggerContext;
import dev.aisecurity.audit.loghygiene.LogHygieneInstaller;
import dev.aisecurity.audit.loghygiene.LogRedactor;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Log hygiene as defence in depth: wraps the encoders of the Logback appenders so that
 * PII and secrets are redacted from every log message of the application. Off with
 * {@code ai.security.audit.log-hygiene.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@ConditionalOnBooleanProperty(name = "ai.security.audit.log-hygiene.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LogHygieneProperties.class)
public class LogHygieneAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LogRedactor aiSecurityLogRedactor(LogHygieneProperties properties) {
		return new LogRedactor(properties.getMinLength(), properties.getMaxLength());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LogHygieneInstaller aiSecurityLogHygieneInstaller(LogRedactor redactor) {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			return new LogHygieneInstaller(context, redactor).install();
		}
		// Logback on the class path but not bound to SLF4J: nothing to wrap
		return new LogHygieneInstaller(new LoggerContext(), redactor);
	}

}
