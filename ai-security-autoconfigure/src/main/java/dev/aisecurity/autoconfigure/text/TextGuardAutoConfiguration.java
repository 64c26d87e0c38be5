package dev.aisecurity.autoconfigure.text;

import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.text.FormatScanner;
import dev.aisecurity.guard.text.SizeScanner;
import dev.aisecurity.guard.text.UnicodeScanner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The input hygiene scanners as {@code Scanner} beans, for the guard pipelines: Unicode
 * ({@code unicode}), size ({@code size}) and format ({@code format}), cheapest first.
 * Each backs off to a user bean of its type and is switched off with
 * {@code ai.security.detectors.<id>.enabled=false}; actions and thresholds are set per
 * pipeline under {@code ai.security.input.scanners.<id>}.
 */
@AutoConfiguration(before = AiSecurityAutoConfiguration.class)
@EnableConfigurationProperties({ SizeDetectorProperties.class, FormatDetectorProperties.class,
		UnicodeDetectorProperties.class })
public class TextGuardAutoConfiguration {

	/** Order of the Unicode scanner bean: only reads counts preprocessing gathered. */
	public static final int UNICODE_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** Order of the size scanner bean. */
	public static final int SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 110;

	/** Order of the format scanner bean. */
	public static final int FORMAT_ORDER = Ordered.HIGHEST_PRECEDENCE + 120;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "ai.security.detectors.unicode.enabled", matchIfMissing = true)
	static class UnicodeConfiguration {

		@Bean
		@Order(UNICODE_ORDER)
		@ConditionalOnMissingBean(UnicodeScanner.class)
		UnicodeScanner aiSecurityUnicodeScanner() {
			return new UnicodeScanner();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "ai.security.detectors.size.enabled", matchIfMissing = true)
	static class SizeConfiguration {

		@Bean
		@Order(SIZE_ORDER)
		@ConditionalOnMissingBean(SizeScanner.class)
		SizeScanner aiSecuritySizeScanner(SizeDetectorProperties properties) {
			return new SizeScanner(properties.toLimits());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "ai.security.detectors.format.enabled", matchIfMissing = true)
	static class FormatConfiguration {

		@Bean
		@Order(FORMAT_ORDER)
		@ConditionalOnMissingBean(FormatScanner.class)
		FormatScanner aiSecurityFormatScanner(FormatDetectorProperties properties) {
			return new FormatScanner(properties.toLimits());
		}

	}

}
