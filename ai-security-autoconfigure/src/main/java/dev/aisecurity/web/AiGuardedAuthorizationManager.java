package dev.aisecurity.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import dev.aisecurity.web.mfa.MfaPolicy;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The {@link AuthorizationManager} behind {@link AiGuarded}, in the order a caller can
 * fix things: authenticated (unless anonymous access is allowed), then role and
 * authority, then the required factors ({@link MfaPolicy}, which answers with a
 * {@link FactorAuthorizationDecision} listing what is missing). Every decision is
 * published as an {@link AiGuardedDecisionEvent}.
 */
public final class AiGuardedAuthorizationManager implements AuthorizationManager<MethodInvocation> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final AiGuardedAnnotations annotations;

	private final MfaPolicy mfaPolicy;

	private final ApplicationEventPublisher events;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create the manager.
	 * @param annotations finds the annotation
	 * @param mfaPolicy the required factors
	 * @param events publishes decisions, may be null
	 */
	public AiGuardedAuthorizationManager(AiGuardedAnnotations annotations, MfaPolicy mfaPolicy,
			ApplicationEventPublisher events) {
		this.annotations = annotations;
		this.mfaPolicy = mfaPolicy;
		this.events = events;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			MethodInvocation invocation) {
		Class<?> targetClass = (invocation.getThis() != null) ? invocation.getThis().getClass() : null;
		AiGuardedAnnotations.GuardedMethod method = this.annotations.guardedMethod(invocation.getMethod(), targetClass);
		if (method == null) {
			return DENIED;
		}
		AiGuarded guarded = method.annotation();
		Authentication caller = authentication.get();
		boolean anonymous = caller == null || !caller.isAuthenticated() || this.trustResolver.isAnonymous(caller);
		AuthorizationResult result;
		String code = null;
		if (anonymous) {
			result = guarded.allowAnonymous() ? GRANTED : DENIED;
			code = SecurityProblemCodes.AUTHENTICATION_REQUIRED;
		}
		else if (!hasAny(caller, guarded.roles(), "ROLE_") || !hasAny(caller, guarded.authorities(), "")) {
			result = DENIED;
			code = SecurityProblemCodes.ACCESS_DENIED;
		}
		else if (guarded.mfa()) {
			result = this.mfaPolicy.check(caller);
			code = SecurityProblemCodes.MFA_REQUIRED;
		}
		else {
			result = GRANTED;
		}
		publish(caller, anonymous, method.endpoint(), result, code);
		return result;
	}

	private void publish(Authentication caller, boolean anonymous, String endpoint, AuthorizationResult result,
			String code) {
		if (this.events == null) {
			return;
		}
		List<String> missing = (result instanceof FactorAuthorizationDecision factors) ? factors.getFactorErrors()
			.stream()
			.map(RequiredFactorError::getRequiredFactor)
			.map((f) -> f.getAuthority())
			.toList() : List.of();
		this.events.publishEvent(new DecisionApplicationEvent(this.events,
				new AiGuardedDecisionEvent(Instant.now(), anonymous ? "anonymous" : caller.getName(), endpoint,
						result.isGranted(), result.isGranted() ? null : code, missing)));
	}

	/**
	 * What {@code publishEvent(decision)} would publish (the decision as the payload of a
	 * {@link PayloadApplicationEvent}, the publisher as its source), with its generic
	 * type resolved once: Spring resolves a payload event's type anew for the event and
	 * again for every {@code @EventListener} it reaches, and a decision is published per
	 * request.
	 */
	static final class DecisionApplicationEvent extends PayloadApplicationEvent<AiGuardedDecisionEvent> {

		private static final ResolvableType PAYLOAD_TYPE = ResolvableType.forClass(AiGuardedDecisionEvent.class);

		private static final ResolvableType TYPE = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class,
				PAYLOAD_TYPE);

		DecisionApplicationEvent(Object source, AiGuardedDecisionEvent decision) {
			super(source, decision, PAYLOAD_TYPE);
		}

		@Override
		public ResolvableType getResolvableType() {
			return TYPE;
		}

	}

	private static boolean hasAny(Authentication caller, String[] required, String prefix) {
		if (required.length == 0) {
			return true;
		}
		for (GrantedAuthority granted : caller.getAuthorities()) {
			String authority = granted.getAuthority();
			if (authority == null) {
				continue;
			}
			for (String name : required) {
				String wanted = (prefix.isEmpty() || name.startsWith(prefix)) ? name : prefix + name;
				if (wanted.equals(authority)) {
					return true;
				}
			}
		}
		return false;
	}

}
