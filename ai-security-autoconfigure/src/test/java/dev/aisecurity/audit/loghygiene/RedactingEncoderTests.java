package dev.aisecurity.audit.loghygiene;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedactingEncoder} around Spring Boot's structured (JSON) encoder.
 */
class RedactingEncoderTests {

	@Test
	void redactsTheMessageOfStructuredJsonLogs() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		StructuredLogEncoder json = new StructuredLogEncoder();
		json.setContext(context);
		json.setFormat("logstash");
		json.start();
		RedactingEncoder encoder = new RedactingEncoder(json, new LogRedactor(6, 8192));
		LoggingEvent event = new LoggingEvent("test", context.getLogger("json.test"), Level.INFO,
				"order by {} with card {}", null, new Object[] { "lee.park@example.com", "4111 1111 1111 1111" });
		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
		assertThat(line).contains("\"message\":\"order by ").contains("with card");
		assertThat(line).doesNotContain("lee.park@example.com").doesNotContain("4111 1111 1111 1111");
		String plain = new String(json.encode(event), StandardCharsets.UTF_8);
		assertThat(plain).contains("lee.park@example.com");
	}

}
