package dev.aisecurity.autoconfigure.ratelimit;

import dev.aisecurity.autoconfigure.security.AiWebSecurityAutoConfiguration;
import dev.aisecurity.ratelimit.ClientAddressResolver;
import dev.aisecurity.ratelimit.RateLimitStore;
import dev.aisecurity.ratelimit.RedisRateLimitStore;
import dev.aisecurity.ratelimit.Resilience4jRateLimitStore;
import dev.aisecurity.ratelimit.TierThrottle;
import dev.aisecurity.ratelimit.TieredRateLimiter;
import dev.aisecurity.ratelimit.TokenBudgetChatModel;
import dev.aisecurity.ratelimit.TokenBudgetChatModelPostProcessor;
import dev.aisecurity.web.RateLimitSubjectResolver;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/**
 * Rate limits and token budgets for {@code @AiGuarded} endpoints: a
 * {@link TieredRateLimiter} over a {@link RateLimitStore} ({@code local} on Resilience4j
 * by default, {@code redis} on Bucket4j/Lettuce with
 * {@code ai.security.rate-limit.store=redis}), the subject resolver (tiers, anonymous
 * client address behind trusted proxies) and the {@link TokenBudgetChatModel} around
 * every {@code ChatModel} bean that debits the tokens the model reports. Selecting
 * {@code redis} without Bucket4j and Lettuce on the class path fails the start-up rather
 * than silently falling back.
 */
@AutoConfiguration(before = AiWebSecurityAutoConfiguration.class)
@ConditionalOnClass(Authentication.class)
@ConditionalOnBooleanProperty(name = "ai.security.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientAddressResolver aiSecurityClientAddressResolver(RateLimitProperties properties) {
		return new ClientAddressResolver(properties.getTrustedProxies());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitSubjectResolver aiSecurityRateLimitSubjectResolver(RateLimitProperties properties,
			ClientAddressResolver addresses, ObjectProvider<TierThrottle> throttle) {
		return new RateLimitSubjectResolver(properties.effectiveTiers(), properties.getDefaultTier(),
				properties.getAnonymousTier(), addresses, throttle.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	TieredRateLimiter aiSecurityTieredRateLimiter(RateLimitStore store) {
		return new TieredRateLimiter(store);
	}

	/**
	 * The in-memory store (default).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AtomicRateLimiter.class)
	@ConditionalOnProperty(name = "ai.security.rate-limit.store", havingValue = "local", matchIfMissing = true)
	static class LocalStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimitStore aiSecurityRateLimitStore(RateLimitProperties properties) {
			return new Resilience4jRateLimitStore(properties.getMaxLocalKeys());
		}

	}

	/**
	 * The Redis store.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Bucket4jLettuce.class, RedisClient.class })
	@ConditionalOnProperty(name = "ai.security.rate-limit.store", havingValue = "redis")
	static class RedisStoreConfiguration {

		@Bean(destroyMethod = "shutdown")
		@ConditionalOnMissingBean
		RedisClient aiSecurityRateLimitRedisClient(RateLimitProperties properties) {
			return RedisClient.create(properties.getRedis().getUri());
		}

		@Bean
		@ConditionalOnMissingBean
		RateLimitStore aiSecurityRateLimitStore(RedisClient redisClient, RateLimitProperties properties) {
			return new RedisRateLimitStore(redisClient, properties.getRedis().getKeyPrefix(),
					properties.getRedis().getTimeout());
		}

	}

	/**
	 * Fails the start-up when the local store was selected (the default) but Resilience4j
	 * is missing: @AiGuarded endpoints must not silently run without limits.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter")
	@ConditionalOnProperty(name = "ai.security.rate-limit.store", havingValue = "local", matchIfMissing = true)
	static class MissingResilience4jConfiguration {

		MissingResilience4jConfiguration() {
			throw new IllegalStateException(
					"The local rate-limit store needs io.github.resilience4j:resilience4j-ratelimiter "
							+ "on the class path (or set ai.security.rate-limit.enabled=false, or store=redis)");
		}

	}

	/**
	 * Fails the start-up when Redis was selected but cannot be used.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass({ "io.github.bucket4j.redis.lettuce.Bucket4jLettuce", "io.lettuce.core.RedisClient" })
	@ConditionalOnProperty(name = "ai.security.rate-limit.store", havingValue = "redis")
	static class MissingRedisConfiguration {

		MissingRedisConfiguration() {
			throw new IllegalStateException(
					"ai.security.rate-limit.store=redis needs com.bucket4j:bucket4j_jdk17-lettuce "
							+ "and io.lettuce:lettuce-core on the class path");
		}

	}

	/**
	 * Debits model token usage.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatModel.class)
	static class TokenBudgetConfiguration {

		@Bean
		static TokenBudgetChatModelPostProcessor aiSecurityTokenBudgetChatModelPostProcessor(
				ObjectProvider<TieredRateLimiter> limiter) {
			return new TokenBudgetChatModelPostProcessor(limiter);
		}

	}

}
