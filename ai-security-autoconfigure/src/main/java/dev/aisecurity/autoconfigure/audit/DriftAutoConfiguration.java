package dev.aisecurity.autoconfigure.audit;

import java.time.Clock;

import dev.aisecurity.audit.DriftAuditSink;
import dev.aisecurity.audit.DriftSummaryReporter;
import dev.aisecurity.guard.drift.DriftDetector;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Drift detection on the audit trail: a {@link DriftAuditSink} (picked up by the audit
 * advisor like every sink) keeps per-endpoint baselines, publishes
 * {@link dev.aisecurity.audit.DriftDetectedEvent}s and counts deviations; a
 * {@link DriftSummaryReporter} logs a periodic summary and exposes baseline gauges. Off
 * with {@code ai.security.drift.enabled=false} (or with the audit trail).
 */
@AutoConfiguration(after = AiAuditAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ ChatClient.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "ai.security.audit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "ai.security.drift.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DriftProperties.class)
public class DriftAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DriftDetector aiSecurityDriftDetector(DriftProperties properties) {
		return new DriftDetector(properties.toSettings());
	}

	@Bean
	@ConditionalOnMissingBean
	DriftAuditSink aiSecurityDriftAuditSink(DriftDetector detector, ApplicationEventPublisher events,
			ObjectProvider<MeterRegistry> registry) {
		return new DriftAuditSink(detector, events, registry.getIfAvailable(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	DriftSummaryReporter aiSecurityDriftSummaryReporter(DriftDetector detector, ObjectProvider<MeterRegistry> registry,
			DriftProperties properties) {
		return new DriftSummaryReporter(detector, registry.getIfAvailable(), properties.getSummaryInterval());
	}

}
