package dev.aisecurity.web;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.aisecurity.ratelimit.RateLimitDecision;
import dev.aisecurity.ratelimit.RateLimitEvent;
import dev.aisecurity.ratelimit.RateLimitHeaders;
import dev.aisecurity.ratelimit.RateLimitSubject;
import dev.aisecurity.ratelimit.Tier;
import dev.aisecurity.ratelimit.TieredRateLimiter;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs after {@link AiGuardedAuthorizationManager} has granted access: enforces the
 * endpoint's input size, admits the request against the caller's tier (request quotas,
 * token budget pre-check, concurrency), sets the {@code RateLimit-Policy} /
 * {@code RateLimit} headers, and makes the {@link RateLimitSubject} current so that the
 * {@link dev.aisecurity.ratelimit.TokenBudgetChatModel} debits the tokens the model
 * reports. A streamed result ({@code Flux}/{@code Mono}) carries the subject in its
 * Reactor context and holds its concurrency slot until it completes. Refusals are thrown
 * as {@link AiGuardedRejection}; a failing store refuses the request (fail closed).
 */
public final class AiGuardedAdmissionInterceptor implements MethodInterceptor, Ordered {

	/** Right after the authorization interceptors. */
	public static final int ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 10;

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Flux",
			AiGuardedAdmissionInterceptor.class.getClassLoader());

	/** Tiers come from configuration; the bound only guards against a misuse. */
	private static final int MAX_CACHED_POLICIES = 256;

	private final AiGuardedAnnotations annotations;

	private final Map<Tier, String> policies = new ConcurrentHashMap<>();

	private final TieredRateLimiter limiter;

	private final RateLimitSubjectResolver subjects;

	private final ApplicationEventPublisher events;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Create the interceptor.
	 * @param annotations finds the annotation
	 * @param limiter the limiter, null to skip rate limiting
	 * @param subjects resolves subjects, null when rate limiting is off
	 * @param events publishes refusals, may be null
	 */
	public AiGuardedAdmissionInterceptor(AiGuardedAnnotations annotations, TieredRateLimiter limiter,
			RateLimitSubjectResolver subjects, ApplicationEventPublisher events) {
		this.annotations = annotations;
		this.limiter = limiter;
		this.subjects = subjects;
		this.events = events;
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
		this.securityContextHolderStrategy = strategy;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Class<?> targetClass = (invocation.getThis() != null) ? invocation.getThis().getClass() : null;
		AiGuardedAnnotations.GuardedMethod method = this.annotations.guardedMethod(invocation.getMethod(), targetClass);
		if (method == null) {
			return invocation.proceed();
		}
		AiGuarded guarded = method.annotation();
		String endpoint = method.endpoint();
		HttpServletRequest request = null;
		HttpServletResponse response = null;
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			request = servlet.getRequest();
			response = servlet.getResponse();
		}
		if (guarded.maxInputBytes() >= 0 && request != null
				&& request.getContentLengthLong() > guarded.maxInputBytes()) {
			throw AiGuardedRejection.inputTooLarge(guarded.maxInputBytes());
		}
		if (this.limiter == null) {
			expose(request, new AiGuardedRequest(endpoint, guarded.profile(), guarded.maxInputBytes(), null));
			return invocation.proceed();
		}
		RateLimitSubject subject = this.subjects
			.resolve(this.securityContextHolderStrategy.getContext().getAuthentication(), request, guarded);
		RateLimitDecision decision;
		try {
			decision = this.limiter.acquire(subject.key(), subject.tier());
		}
		catch (RuntimeException ex) {
			throw AiGuardedRejection.unavailable(ex);
		}
		if (!decision.allowed()) {
			publish(subject, endpoint, decision);
			throw AiGuardedRejection.rateLimited(decision);
		}
		if (response != null) {
			setHeaders(response, decision);
		}
		expose(request, new AiGuardedRequest(endpoint, guarded.profile(), guarded.maxInputBytes(), subject));
		return proceed(invocation, subject, decision.permit());
	}

	private Object proceed(MethodInvocation invocation, RateLimitSubject subject, Runnable permit) throws Throwable {
		Object result;
		try (RateLimitSubject.Scope scope = subject.open()) {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			permit.run();
			throw ex;
		}
		if (REACTOR_PRESENT && result instanceof Publisher<?>) {
			return Reactive.wrap(result, subject, permit);
		}
		permit.run();
		return result;
	}

	private void setHeaders(HttpServletResponse response, RateLimitDecision decision) {
		if (!decision.states().isEmpty()) {
			// an admitted request checked every quota of its tier: the policy is the
			// tier's
			String policy = this.policies.get(decision.tier());
			if (policy == null) {
				policy = RateLimitHeaders.policy(decision.states());
				if (this.policies.size() < MAX_CACHED_POLICIES) {
					this.policies.put(decision.tier(), policy);
				}
			}
			response.setHeader(RateLimitHeaders.POLICY, policy);
		}
		String state = RateLimitHeaders.state(decision);
		if (state != null) {
			response.setHeader(RateLimitHeaders.STATE, state);
		}
	}

	private static void expose(HttpServletRequest request, AiGuardedRequest guardedRequest) {
		if (request != null) {
			request.setAttribute(AiGuardedRequest.ATTRIBUTE, guardedRequest);
		}
	}

	private void publish(RateLimitSubject subject, String endpoint, RateLimitDecision decision) {
		if (this.events != null) {
			this.events.publishEvent(new RateLimitEvent(Instant.now(), subject.label(), endpoint,
					decision.tier().name(), decision.reason().code(),
					(decision.binding() != null) ? decision.binding().limit().name() : null,
					Math.max(1, decision.retryAfter().toSeconds())));
		}
	}

	private static final class Reactive {

		static Object wrap(Object result, RateLimitSubject subject, Runnable permit) {
			if (result instanceof Mono<?> mono) {
				return mono.contextWrite((context) -> context.put(RateLimitSubject.CONTEXT_KEY, subject))
					.doFinally((signal) -> permit.run());
			}
			if (result instanceof Flux<?> flux) {
				return flux.contextWrite((context) -> context.put(RateLimitSubject.CONTEXT_KEY, subject))
					.doFinally((signal) -> permit.run());
			}
			permit.run();
			return result;
		}

	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
