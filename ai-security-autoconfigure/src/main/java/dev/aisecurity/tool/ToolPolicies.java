package dev.aisecurity.tool;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The access policy of each tool, by tool name: from {@link AiToolGuard} annotations on
 * {@code @Tool} methods of registered classes and from configuration. Two policies for
 * one name combine into the stricter ({@link ToolAccessPolicy#and}). Tools without a
 * policy get the default (open, or authenticated when configured so). Thread-safe.
 */
public final class ToolPolicies {

	private final Map<String, ToolAccessPolicy> policies = new ConcurrentHashMap<>();

	private final ToolAccessPolicy defaultPolicy;

	/**
	 * @param defaultPolicy the policy of tools that declare none
	 */
	public ToolPolicies(ToolAccessPolicy defaultPolicy) {
		this.defaultPolicy = defaultPolicy;
	}

	/**
	 * Register the {@link AiToolGuard} policies of a class's {@code @Tool} methods.
	 * @param type the tool class
	 * @return whether the class declared any
	 */
	public boolean register(Class<?> type) {
		AiToolGuard classGuard = AnnotatedElementUtils.findMergedAnnotation(type, AiToolGuard.class);
		boolean[] found = { false };
		ReflectionUtils.doWithMethods(type, (method) -> {
			Tool tool = AnnotatedElementUtils.findMergedAnnotation(method, Tool.class);
			if (tool == null) {
				return;
			}
			AiToolGuard guard = AnnotatedElementUtils.findMergedAnnotation(method, AiToolGuard.class);
			if (guard == null) {
				guard = classGuard;
			}
			if (guard != null) {
				register(toolName(tool, method), ToolAccessPolicy.of(guard));
				found[0] = true;
			}
		});
		return found[0];
	}

	/**
	 * Register a policy for a tool name.
	 */
	public void register(String toolName, ToolAccessPolicy policy) {
		this.policies.merge(toolName, policy, ToolAccessPolicy::and);
	}

	/**
	 * The policy in force for a tool.
	 */
	public ToolAccessPolicy policyFor(String toolName) {
		return this.policies.getOrDefault(toolName, this.defaultPolicy);
	}

	/**
	 * How many tools have a declared policy.
	 */
	public int size() {
		return this.policies.size();
	}

	private static String toolName(Tool tool, Method method) {
		return StringUtils.hasText(tool.name()) ? tool.name() : method.getName();
	}

}
