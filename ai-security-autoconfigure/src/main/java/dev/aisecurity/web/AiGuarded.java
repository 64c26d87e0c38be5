package dev.aisecurity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards an AI endpoint (a Spring MVC controller method, or every handler method of a
 * controller class). Deny by default: the caller must be authenticated, by whatever the
 * application uses (session or form login, OAuth2/JWT, the {@code X-API-Key} filter),
 * unless {@link #allowAnonymous()} is set, in which case anonymous callers get the
 * anonymous rate-limit tier keyed by their address.
 * <p>
 * Checks, in order: authentication, {@link #roles()} / {@link #authorities()} (403),
 * {@link #mfa() factors} (401 listing the missing factors, or a redirect to the factor's
 * login page for browsers), then the rate limits and token budget of the caller's tier
 * (429 with {@code Retry-After} and {@code RateLimit} headers) and
 * {@link #maxInputBytes()} (413). Implemented with Spring Security method authorization
 * ({@code AuthorizationManagerBeforeMethodInterceptor}); a method annotation replaces the
 * class annotation as a whole.
 * <p>
 * Spring MVC only: Spring Security 7's multi-factor support is servlet-only, so WebFlux
 * handlers are not intercepted.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface AiGuarded {

	/**
	 * Roles (without {@code ROLE_}), any one of which grants access. Empty: any
	 * authenticated caller.
	 * @return the roles
	 */
	String[] roles() default {};

	/**
	 * Authorities, any one of which grants access; when both roles and authorities are
	 * given, the caller needs one of each.
	 * @return the authorities
	 */
	String[] authorities() default {};

	/**
	 * Whether a second factor is required: the factors of
	 * {@code ai.security.mfa.required-factors} for browser sessions, of
	 * {@code ai.security.mfa.api-key-required-factors} (API key plus TOTP) for API
	 * clients.
	 * @return whether multi-factor authentication is required
	 */
	boolean mfa() default false;

	/**
	 * A rate-limit tier that replaces the caller's own on this endpoint (e.g.
	 * {@code anonymous} for a public demo). Empty: the caller's tier.
	 * @return the tier name
	 */
	String tier() default "";

	/**
	 * The rate-limit bucket: endpoints sharing a bucket share their quotas. Empty: the
	 * {@code default} bucket, shared by every endpoint of the caller.
	 * @return the bucket name
	 */
	String bucket() default "";

	/**
	 * Maximum request body size in bytes for this endpoint (from {@code Content-Length});
	 * {@code -1}: the global input limits of the guard apply.
	 * @return the limit
	 */
	int maxInputBytes() default -1;

	/**
	 * The guard profile to apply (e.g. {@code strict} for public endpoints); exposed to
	 * the guard advisors as a request attribute. Empty: the default profile.
	 * @return the profile name
	 */
	String profile() default "";

	/**
	 * Whether unauthenticated callers may use the endpoint (under the anonymous tier).
	 * @return whether anonymous access is allowed
	 */
	boolean allowAnonymous() default false;

}
