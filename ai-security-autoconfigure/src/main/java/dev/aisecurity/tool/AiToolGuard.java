package dev.aisecurity.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the user on whose behalf the model calls a tool to be authenticated, to hold
 * one of the given roles and, with {@code mfa = true}, to have presented the second
 * factors of the application's MFA policy (the same policy as
 * {@code @AiGuarded(mfa = true)}). Put it on a Spring AI {@code @Tool} method, or on its
 * class for every tool method there. Tool objects that are Spring beans are found at
 * start-up; register others with {@link ToolPolicies#register(Class)}.
 * <p>
 * A denied call never runs: the model receives a safe tool error naming the reason code
 * and an audit event is published.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AiToolGuard {

	/**
	 * Roles (without the {@code ROLE_} prefix) of which the caller must hold at least
	 * one; empty for any authenticated caller.
	 */
	String[] roles() default {};

	/**
	 * Whether the caller must have presented the MFA policy's second factors.
	 */
	boolean mfa() default false;

}
