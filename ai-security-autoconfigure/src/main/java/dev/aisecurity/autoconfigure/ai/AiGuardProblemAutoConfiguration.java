package dev.aisecurity.autoconfigure.ai;

import dev.aisecurity.ai.web.AiGuardProblemHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * RFC 9457 problem details for {@code AiGuardException} in Spring MVC applications. Backs
 * off when the application defines its own {@link AiGuardProblemHandler} bean; an
 * application's own {@code @ExceptionHandler} for the exception in a controller or an
 * advice of higher precedence also takes over, as this advice has the lowest precedence.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ProblemDetail.class })
public class AiGuardProblemAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AiGuardProblemHandler aiGuardProblemHandler() {
		return new AiGuardProblemHandler();
	}

}
