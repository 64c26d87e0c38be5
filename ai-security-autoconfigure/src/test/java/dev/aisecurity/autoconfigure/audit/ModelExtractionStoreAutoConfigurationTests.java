package dev.aisecurity.autoconfigure.audit;

import dev.aisecurity.audit.RedisExtractionStore;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import dev.aisecurity.guard.extraction.ExtractionStore;
import dev.aisecurity.guard.extraction.LocalExtractionStore;
import dev.aisecurity.ratelimit.RedisTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which store the extraction detector gets: local by default, Redis when selected (with a
 * configured hash key, else the start-up fails), and a clear failure without Lettuce.
 */
class ModelExtractionStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AiSecurityAutoConfiguration.class, AiAuditAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void localByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ExtractionDetector.class);
			assertThat(context.getBean(ExtractionStore.class)).isInstanceOf(LocalExtractionStore.class);
		});
	}

	@Test
	void redisWhenSelected() {
		String uri = RedisTestSupport.redisUri();
		this.runner
			.withPropertyValues("ai.security.extraction.store=redis", "ai.security.extraction.redis.uri=" + uri,
					"ai.security.extraction.redis.key-prefix=ai-security-test:ex-ac:",
					"ai.security.hash-key=autoconfig-test-hash-key-0001")
			.run((context) -> {
				assertThat(context.getBean(ExtractionStore.class)).isInstanceOf(RedisExtractionStore.class);
				ExtractionDetector detector = context.getBean(ExtractionDetector.class);
				detector.observe("someone", "hello there", System.currentTimeMillis());
				assertThat(detector.currentAction("someone", System.currentTimeMillis()))
					.isEqualTo(ExtractionAction.NONE);
			});
	}

	@Test
	void redisWithoutAConfiguredHashKeyFailsTheStartUp() {
		this.runner.withPropertyValues("ai.security.extraction.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ai.security.hash-key");
		});
	}

	@Test
	void redisWithoutLettuceFailsTheStartUp() {
		this.runner.withClassLoader(new FilteredClassLoader("io.lettuce.core"))
			.withPropertyValues("ai.security.extraction.store=redis",
					"ai.security.hash-key=autoconfig-test-hash-key-0001")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("io.lettuce:lettuce-core");
			});
	}

}
