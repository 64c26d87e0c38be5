package dev.aisecurity.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests whose Spring MVC handler is {@link AiGuarded}. The default security
 * filter chain permits these at the URL level because the annotation's own authorization
 * (deny by default) decides; every other request needs authentication.
 */
public final class AiGuardedRequestMatcher implements RequestMatcher {

	private final RequestMappingHandlerMapping handlerMapping;

	private final AiGuardedAnnotations annotations;

	private final Map<HandlerMethod, Boolean> cache = new ConcurrentHashMap<>();

	/**
	 * Create the matcher.
	 * @param handlerMapping the MVC handler mapping
	 * @param annotations finds the annotation
	 */
	public AiGuardedRequestMatcher(RequestMappingHandlerMapping handlerMapping, AiGuardedAnnotations annotations) {
		this.handlerMapping = handlerMapping;
		this.annotations = annotations;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		try {
			if (!parsed) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			HandlerExecutionChain chain = this.handlerMapping.getHandler(request);
			if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)) {
				return false;
			}
			return this.cache.computeIfAbsent(handler,
					(h) -> this.annotations.find(h.getMethod(), h.getBeanType()).isPresent());
		}
		catch (Exception ex) {
			return false;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
