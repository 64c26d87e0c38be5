package dev.aisecurity.autoconfigure.audit;

import dev.aisecurity.audit.AiAuditAdvisor;
import dev.aisecurity.audit.AiAuditSink;
import dev.aisecurity.audit.AuditCallerResolver;
import dev.aisecurity.audit.AuditEventAuditSink;
import dev.aisecurity.audit.AuditRetentionPurger;
import dev.aisecurity.audit.AuditVerdictCollector;
import dev.aisecurity.audit.ExtractionGuardAdvisor;
import dev.aisecurity.audit.ExtractionTierThrottle;
import dev.aisecurity.audit.RedisExtractionStore;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.guard.extraction.ExtractionStore;
import dev.aisecurity.guard.extraction.LocalExtractionStore;
import dev.aisecurity.guard.extraction.ShapeKey;
import io.lettuce.core.RedisClient;
import dev.aisecurity.audit.JdbcAuditStore;
import dev.aisecurity.audit.LoggingAuditSink;
import dev.aisecurity.audit.MetricsAuditSink;
import dev.aisecurity.audit.RateLimitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import dev.aisecurity.audit.SecurityAuditCallerResolver;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.TextHasher;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The AI audit trail: an {@link AiAuditAdvisor} on every ChatClient built from the
 * auto-configured builder, writing metadata-only records to every {@link AiAuditSink}
 * bean: a JSON log line ({@code ai.security.audit.log}), a Boot audit event
 * ({@code ai.security.audit.events}) and, when enabled, the JDBC store. Off with
 * {@code ai.security.audit.enabled=false}.
 */
@AutoConfiguration(after = AiSecurityAutoConfiguration.class, afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBooleanProperty(name = "ai.security.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ AiAuditProperties.class, ModelExtractionProperties.class })
public class AiAuditAutoConfiguration {

	/** Bean name of the customizer that adds the audit advisor to every ChatClient. */
	public static final String CUSTOMIZER = "aiSecurityAuditCustomizer";

	@Bean
	@ConditionalOnMissingBean
	AuditVerdictCollector aiSecurityAuditVerdictCollector() {
		return new AuditVerdictCollector();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ai.security.audit.log", matchIfMissing = true)
	LoggingAuditSink aiSecurityLoggingAuditSink() {
		return new LoggingAuditSink();
	}

	@Bean
	@ConditionalOnMissingBean
	AiAuditAdvisor aiSecurityAuditAdvisor(TextHasher textHasher, AuditVerdictCollector collector,
			ObjectProvider<AuditCallerResolver> callers, ObjectProvider<AiAuditSink> sinks,
			AiAuditProperties properties) {
		AiAuditAdvisor.Builder builder = AiAuditAdvisor.builder(textHasher, collector)
			.order(properties.getOrder())
			.sinks(sinks.orderedStream().toList());
		callers.ifAvailable(builder::callerResolver);
		return builder.build();
	}

	@Bean(name = CUSTOMIZER)
	@ConditionalOnMissingBean(name = CUSTOMIZER)
	ChatClientBuilderCustomizer aiSecurityAuditCustomizer(AiAuditAdvisor advisor) {
		return (builder) -> builder.defaultAdvisors(advisor);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	static class AuditEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "ai.security.audit.events", matchIfMissing = true)
		AuditEventAuditSink aiSecurityAuditEventAuditSink(ApplicationEventPublisher publisher) {
			return new AuditEventAuditSink(publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityCallerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditCallerResolver aiSecurityAuditCallerResolver() {
			return new SecurityAuditCallerResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MetricsAuditSink aiSecurityMetricsAuditSink(MeterRegistry registry) {
			return new MetricsAuditSink(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		RateLimitMetrics aiSecurityRateLimitMetrics(MeterRegistry registry) {
			return new RateLimitMetrics(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcTemplate.class)
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnBooleanProperty(name = "ai.security.audit.jdbc.enabled")
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JdbcAuditStore aiSecurityJdbcAuditStore(DataSource dataSource, AiAuditProperties properties) {
			if (properties.getJdbc().isInitializeSchema()) {
				// idempotent (IF NOT EXISTS): creates the table and indexes when absent
				new ResourceDatabasePopulator(new DefaultResourceLoader().getResource(JdbcAuditStore.SCHEMA))
					.execute(dataSource);
			}
			return new JdbcAuditStore(new JdbcTemplate(dataSource));
		}

		@Bean
		@ConditionalOnMissingBean
		AuditRetentionPurger aiSecurityAuditRetentionPurger(JdbcAuditStore store, AiAuditProperties properties) {
			return new AuditRetentionPurger(store, properties.getRetention(), properties.getJdbc().getPurgeCron(),
					Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = "ai.security.extraction.enabled", matchIfMissing = true)
	static class ModelExtractionConfiguration {

		/**
		 * Bean name of the customizer that adds the extraction guard to every ChatClient.
		 */
		static final String CUSTOMIZER = "aiSecurityExtractionGuardCustomizer";

		/**
		 * Context of the shape key derived from the hash key: the word hashes of prompt
		 * shapes are keyed, never the plain FNV of a word.
		 */
		static final String SHAPE_KEY_CONTEXT = "ai-security:extraction:shape-key:v1";

		@Bean
		@ConditionalOnMissingBean
		ExtractionDetector aiSecurityExtractionDetector(ModelExtractionProperties properties, ExtractionStore store,
				TextHasher textHasher) {
			return new ExtractionDetector(properties.toSettings(), store,
					ShapeKey.of(textHasher.mac(SHAPE_KEY_CONTEXT)));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = "ai.security.extraction.store", havingValue = "local", matchIfMissing = true)
		ExtractionStore aiSecurityLocalExtractionStore() {
			return new LocalExtractionStore();
		}

		@Bean
		@ConditionalOnMissingBean
		ExtractionTierThrottle aiSecurityExtractionTierThrottle(ExtractionDetector detector,
				ModelExtractionProperties properties) {
			return new ExtractionTierThrottle(detector, properties.getAction(), properties.getThrottleTier(),
					Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		ExtractionGuardAdvisor aiSecurityExtractionGuardAdvisor(ExtractionDetector detector,
				ObjectProvider<AuditCallerResolver> callers, ApplicationEventPublisher events,
				ObjectProvider<MeterRegistry> meters, ModelExtractionProperties properties) {
			return new ExtractionGuardAdvisor(detector,
					callers.getIfAvailable(() -> () -> dev.aisecurity.audit.AuditCaller.UNKNOWN), events,
					meters.getIfAvailable(), properties.getAction(), Clock.systemUTC());
		}

		@Bean(name = CUSTOMIZER)
		@ConditionalOnMissingBean(name = CUSTOMIZER)
		ChatClientBuilderCustomizer aiSecurityExtractionGuardCustomizer(ExtractionGuardAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	/**
	 * Extraction windows in Redis, shared by every instance.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, RedisClient.class })
	@ConditionalOnBooleanProperty(name = "ai.security.extraction.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "ai.security.extraction.store", havingValue = "redis")
	static class RedisExtractionStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExtractionStore aiSecurityRedisExtractionStore(ModelExtractionProperties properties, TextHasher textHasher) {
			if (textHasher.isKeyGenerated()) {
				throw new IllegalStateException("ai.security.extraction.store=redis needs ai.security.hash-key: "
						+ "instances sharing extraction state must share the key of prompt shapes and principal "
						+ "hashes (set it from Vault or the environment, the same on every instance)");
			}
			ModelExtractionProperties.Redis redis = properties.getRedis();
			return new RedisExtractionStore(RedisClient.create(redis.getUri()), true, redis.getKeyPrefix(), textHasher,
					redis.getTimeout());
		}

	}

	/**
	 * Fails the start-up when Redis was selected but Lettuce is missing.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.lettuce.core.RedisClient")
	@ConditionalOnBooleanProperty(name = "ai.security.extraction.enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "ai.security.extraction.store", havingValue = "redis")
	static class MissingRedisExtractionStoreConfiguration {

		MissingRedisExtractionStoreConfiguration() {
			throw new IllegalStateException(
					"ai.security.extraction.store=redis needs io.lettuce:lettuce-core on the class path");
		}

	}

}
