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
 * its class's), cached per method and target class.
 */
public final class AiGuardedAnnotations {

	private final Map<MethodClassKey, Optional<AiGuarded>> cache = new ConcurrentHashMap<>();

	/**
	 * The annotation that applies.
	 * @param method the invoked method
	 * @param targetClass the target class, may be null
	 * @return the annotation, if any
	 */
	public Optional<AiGuarded> find(Method method, Class<?> targetClass) {
		return this.cache.computeIfAbsent(new MethodClassKey(method, targetClass),
				(key) -> lookup(method, targetClass));
	}

	private static Optional<AiGuarded> lookup(Method method, Class<?> targetClass) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		AiGuarded onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, AiGuarded.class);
		if (onMethod != null) {
			return Optional.of(onMethod);
		}
		Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
		return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(type, AiGuarded.class));
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

}
