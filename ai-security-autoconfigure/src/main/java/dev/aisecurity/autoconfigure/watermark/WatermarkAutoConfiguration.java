package dev.aisecurity.autoconfigure.watermark;

import java.util.function.Function;

import dev.aisecurity.ai.InputGuardAdvisor;
import dev.aisecurity.ai.WatermarkAdvisor;
import dev.aisecurity.guard.watermark.ResponseWatermark;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The response watermark (off by default, {@code ai.security.watermark.enabled=true}): a
 * {@link WatermarkAdvisor} on every ChatClient built from the auto-configured builder,
 * marking answers for the principal of the request (the {@code ai.security.principal}
 * request context value, else the Spring Security authentication). Fails the start-up
 * without {@code ai.security.watermark.key}: with a random key, leaked answers could not
 * be traced after a restart.
 */
@AutoConfiguration
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBooleanProperty(name = "ai.security.watermark.enabled")
@EnableConfigurationProperties(WatermarkProperties.class)
public class WatermarkAutoConfiguration {

	/**
	 * Bean name of the customizer that adds the watermark advisor to every ChatClient.
	 */
	public static final String CUSTOMIZER = "aiSecurityWatermarkCustomizer";

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			WatermarkAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	ResponseWatermark aiSecurityResponseWatermark(WatermarkProperties properties) {
		if (!StringUtils.hasText(properties.getKey()) || properties.getKey().length() < 16) {
			throw new IllegalStateException("ai.security.watermark.enabled=true needs ai.security.watermark.key "
					+ "(at least 16 characters, the same on every instance; e.g. from Vault)");
		}
		return new ResponseWatermark(properties.getKey(), properties.getInterval(), properties.getMaxMarks());
	}

	@Bean
	@ConditionalOnMissingBean
	WatermarkAdvisor aiSecurityWatermarkAdvisor(ResponseWatermark watermark) {
		return new WatermarkAdvisor(watermark, principals());
	}

	@Bean(name = CUSTOMIZER)
	@ConditionalOnMissingBean(name = CUSTOMIZER)
	ChatClientBuilderCustomizer aiSecurityWatermarkCustomizer(WatermarkAdvisor advisor) {
		return (builder) -> builder.defaultAdvisors(advisor);
	}

	private static Function<ChatClientRequest, String> principals() {
		return (request) -> {
			if (request.context().get(InputGuardAdvisor.PRINCIPAL_CONTEXT_KEY) instanceof String name
					&& !name.isEmpty()) {
				return name;
			}
			return SECURITY_PRESENT ? SecurityPrincipal.current() : null;
		};
	}

	private static final class SecurityPrincipal {

		static String current() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : null;
		}

	}

}
