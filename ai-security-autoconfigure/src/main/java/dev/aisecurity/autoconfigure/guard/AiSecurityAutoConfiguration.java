package dev.aisecurity.autoconfigure.guard;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.ai.LoggingVerdictListener;
import dev.aisecurity.ai.MetricsScannerTimingListener;
import dev.aisecurity.ai.MetricsVerdictListener;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerTimingListener;
import dev.aisecurity.guard.TextHasher;
import dev.aisecurity.guard.VerdictListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The guard pipelines: {@value #INPUT_PIPELINE} and {@value #OUTPUT_PIPELINE}, built from
 * every {@link Scanner} bean (in bean order), the per-scanner overrides of
 * {@link AiSecurityProperties}, the mode, and every {@link VerdictListener} and
 * {@link ScannerTimingListener} bean. Inject a pipeline by name ({@code @Qualifier}):
 * both have the type {@link GuardPipeline}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@EnableConfigurationProperties(AiSecurityProperties.class)
public class AiSecurityAutoConfiguration {

	/** Bean name of the input pipeline. */
	public static final String INPUT_PIPELINE = "aiSecurityInputPipeline";

	/** Bean name of the output pipeline. */
	public static final String OUTPUT_PIPELINE = "aiSecurityOutputPipeline";

	private static final Log logger = LogFactory.getLog(AiSecurityAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TextHasher aiSecurityTextHasher(AiSecurityProperties properties) {
		if (StringUtils.hasText(properties.getHashKey())) {
			return TextHasher.withKey(properties.getHashKey());
		}
		logger.info("ai.security.hash-key is not set: text hashes in logs use a random key of this process "
				+ "and cannot be correlated across instances or restarts");
		return TextHasher.withRandomKey();
	}

	@Bean
	@ConditionalOnMissingBean
	LoggingVerdictListener aiSecurityLoggingVerdictListener() {
		return new LoggingVerdictListener();
	}

	@Bean(name = INPUT_PIPELINE)
	@ConditionalOnMissingBean(name = INPUT_PIPELINE)
	GuardPipeline aiSecurityInputPipeline(AiSecurityProperties properties, ObjectProvider<Scanner> scanners,
			ObjectProvider<VerdictListener> listeners, ObjectProvider<ScannerTimingListener> timingListeners) {
		return pipeline(Direction.INPUT, properties, properties.getInput().getScanners(), scanners, listeners,
				timingListeners);
	}

	@Bean(name = OUTPUT_PIPELINE)
	@ConditionalOnMissingBean(name = OUTPUT_PIPELINE)
	GuardPipeline aiSecurityOutputPipeline(AiSecurityProperties properties, ObjectProvider<Scanner> scanners,
			ObjectProvider<VerdictListener> listeners, ObjectProvider<ScannerTimingListener> timingListeners) {
		return pipeline(Direction.OUTPUT, properties, properties.getOutput().getScanners(), scanners, listeners,
				timingListeners);
	}

	private static GuardPipeline pipeline(Direction direction, AiSecurityProperties properties,
			Map<String, AiSecurityProperties.Scanner> overrides, ObjectProvider<Scanner> scanners,
			ObjectProvider<VerdictListener> listeners, ObjectProvider<ScannerTimingListener> timingListeners) {
		GuardPipeline.Builder builder = GuardPipeline.builder().direction(direction).mode(properties.getMode());
		Set<String> known = new HashSet<>();
		scanners.orderedStream().forEach((scanner) -> {
			builder.scanner(scanner);
			known.add(scanner.id());
			AiSecurityProperties.Scanner override = overrides.get(scanner.id());
			if (override != null) {
				builder.policy(scanner.id(), override.applyTo(scanner.defaultPolicy(direction)));
			}
		});
		for (String id : overrides.keySet()) {
			if (!known.contains(id)) {
				logger.warn("ai.security." + direction.name().toLowerCase() + ".scanners." + id
						+ " is configured but no scanner has the id '" + id + "'; known ids: " + known);
			}
		}
		listeners.orderedStream().forEach(builder::listener);
		timingListeners.orderedStream().forEach(builder::timingListener);
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnBean(MeterRegistry.class)
		@ConditionalOnMissingBean
		MetricsVerdictListener aiSecurityMetricsVerdictListener(MeterRegistry registry) {
			return new MetricsVerdictListener(registry);
		}

		@Bean
		@ConditionalOnBean(MeterRegistry.class)
		@ConditionalOnMissingBean
		MetricsScannerTimingListener aiSecurityMetricsScannerTimingListener(MeterRegistry registry) {
			return new MetricsScannerTimingListener(registry);
		}

	}

}
