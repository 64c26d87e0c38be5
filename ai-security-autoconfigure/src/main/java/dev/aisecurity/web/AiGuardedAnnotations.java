package dev.aisecurity.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link AiGuarded} annotation that applies to a method (the method's own, else
 * its class's), cached per method and target class together with the endpoint's name, so
 * that a guarded call resolves both with one map look-up.
 */
public final class AiGuardedAnnotations {

	private static final GuardedMethod NOT_GUARDED = new GuardedMethod(null, null);

	private final Map<MethodClassKey, GuardedMethod> cache = new ConcurrentHashMap<>();

	/**
	 * The annotation that applies.
	 * @param method the invoked method
	 * @param targetClass the target class, may be null
	 * @return the annotation, if any
	 */
	public Optional<AiGuarded> find(Method method, Class<?> targetClass) {
		GuardedMethod guarded = guardedMethod(method, targetClass);
		return (guarded != null) ? Optional.of(guarded.annotation()) : Optional.empty();
	}

	/**
	 * The annotation that applies and the endpoint's name.
	 * @param method the invoked method
	 * @param targetClass the target class, may be null
	 * @return the guarded method, or {@code null} when no annotation applies
	 */
	public GuardedMethod guardedMethod(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		GuardedMethod guarded = this.cache.get(key);
		if (guarded == null) {
			guarded = this.cache.computeIfAbsent(key, (k) -> lookup(method, targetClass));
		}
		return (guarded != NOT_GUARDED) ? guarded : null;
	}

	private static GuardedMethod lookup(Method method, Class<?> targetClass) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		AiGuarded annotation = AnnotatedElementUtils.findMergedAnnotation(specific, AiGuarded.class);
		if (annotation == null) {
			Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
			annotation = AnnotatedElementUtils.findMergedAnnotation(type, AiGuarded.class);
		}
		return (annotation != null) ? new GuardedMethod(annotation, endpointName(method, targetClass)) : NOT_GUARDED;
	}

	/**
	 * A short, stable name for an endpoint in events: {@code SimpleClassName#method}.
	 * @param method the method
	 * @param targetClass the target class, may be null
	 * @return the name
	 */
	public static String endpointName(Method method, Class<?> targetClass) {
		Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
		return type.getSimpleName() + "#" + method.getName();
	}

	/**
	 * An {@link AiGuarded} method.
	 *
	 * @param annotation the annotation that applies
	 * @param endpoint the endpoint's name, {@link #endpointName(Method, Class)}
	 */
	public record GuardedMethod(AiGuarded annotation, String endpoint) {

	}

}
