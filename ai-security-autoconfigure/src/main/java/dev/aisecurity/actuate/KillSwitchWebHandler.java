package dev.aisecurity.actuate;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.web.AiGuarded;
import dev.aisecurity.web.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The kill switch on Spring MVC: refuses {@code @AiGuarded} handlers up front while the
 * switch is engaged (after authentication, before rate-limit admission), and answers a
 * {@link KillSwitchEngagedException} thrown from deeper down (advisor, model) with the
 * same 503 problem, ahead of every other resolver.
 */
public final class KillSwitchWebHandler implements HandlerInterceptor, HandlerExceptionResolver, Ordered {

	private final KillSwitch killSwitch;

	/**
	 * Create the handler.
	 * @param killSwitch the switch
	 */
	public KillSwitchWebHandler(KillSwitch killSwitch) {
		this.killSwitch = killSwitch;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (this.killSwitch.isEngaged() && handler instanceof HandlerMethod method && isAiGuarded(method)) {
			write(response);
			return false;
		}
		return true;
	}

	private static boolean isAiGuarded(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), AiGuarded.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), AiGuarded.class);
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof KillSwitchEngagedException) {
				try {
					write(response);
				}
				catch (IOException io) {
					return null;
				}
				return new ModelAndView();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * Write the 503 problem.
	 * @param response the response
	 * @throws IOException on write failure
	 */
	public static void write(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "60");
		ProblemResponses.write(response, 503, KillSwitchEngagedException.CODE, "AI service suspended",
				"AI calls are suspended by an operator (kill switch).", Map.of());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
