package dev.aisecurity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.aisecurity.ratelimit.RateLimitStore;
import dev.aisecurity.ratelimit.RedisRateLimitStore;
import dev.aisecurity.ratelimit.RedisTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two running instances of one application, sharing one Redis, enforce one limit: the
 * free tier's 5 requests per minute hold across both.
 */
class SharedRedisRateLimitTests {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	private int start(String redisUri, String prefix) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GuardedTestApplication.class)
			.profiles("guarded")
			.properties("server.port=0", "ai.security.rate-limit.store=redis",
					"ai.security.rate-limit.redis.uri=" + redisUri, "ai.security.rate-limit.redis.key-prefix=" + prefix,
					"logging.level.org.springframework.security=INFO", "logging.level.dev.aisecurity=INFO")
			.run();
		this.instances.add(context);
		assertThat(context.getBean(RateLimitStore.class)).isInstanceOf(RedisRateLimitStore.class);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void twoInstancesShareOneLimit() throws Exception {
		String redisUri = RedisTestSupport.redisUri();
		String prefix = "ai-security-test:" + UUID.randomUUID() + ":";
		int[] ports = { start(redisUri, prefix), start(redisUri, prefix) };
		HttpClient http = HttpClient.newHttpClient();
		int ok = 0;
		int limited = 0;
		String retryAfter = null;
		for (int i = 0; i < 10; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i % 2] + "/api/chat"))
				.header("X-API-Key", "test-free-key")
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("hi"))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				ok++;
			}
			else if (response.statusCode() == 429) {
				limited++;
				retryAfter = response.headers().firstValue("Retry-After").orElse(null);
				assertThat(response.body()).contains("\"code\":\"AI_RATE_LIMITED\"");
			}
		}
		assertThat(ok).isEqualTo(5);
		assertThat(limited).isEqualTo(5);
		assertThat(retryAfter).isNotNull();
	}

}
