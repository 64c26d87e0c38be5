package dev.aisecurity.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers {@link AiGuardedRejection}s with their problem details and headers, ahead of
 * every other resolver so that application exception handlers cannot turn a 429 into a
 * 500.
 */
public final class AiSecurityExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof AiGuardedRejection rejection)) {
			return null;
		}
		try {
			for (Map.Entry<String, String> header : rejection.getHeaders().entrySet()) {
				response.setHeader(header.getKey(), header.getValue());
			}
			ProblemResponses.write(response, rejection.getStatus(), rejection.getCode(), rejection.getTitle(),
					detail(rejection.getStatus()), rejection.getExtensions());
			return new ModelAndView();
		}
		catch (IOException failure) {
			return null;
		}
	}

	private static String detail(int status) {
		return switch (status) {
			case 429 -> "A rate limit or token budget of your tier is exhausted; retry after the advised delay.";
			case 413 -> "The request body exceeds the size this endpoint accepts.";
			default -> "The request cannot be admitted right now.";
		};
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
