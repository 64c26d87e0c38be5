package dev.aisecurity.guard;

import java.util.Map;

/**
 * What a scanner may know about the text besides the text itself.
 *
 * @param direction input to the model or output from it
 * @param principal name of the authenticated caller, or {@code null}; for keying state
 * only, never logged by the engine
 * @param systemPrompt the system prompt of the conversation, or {@code null}; output
 * scanners use it to spot leakage
 * @param attributes free-form request attributes (endpoint, guard profile, request id...)
 */
public record ScanContext(Direction direction, String principal, String systemPrompt, Map<String, Object> attributes) {

	public ScanContext {
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	public static ScanContext input() {
		return new ScanContext(Direction.INPUT, null, null, Map.of());
	}

	public static ScanContext output() {
		return new ScanContext(Direction.OUTPUT, null, null, Map.of());
	}

	public static ScanContext output(String systemPrompt) {
		return new ScanContext(Direction.OUTPUT, null, systemPrompt, Map.of());
	}

	public ScanContext withPrincipal(String newPrincipal) {
		return new ScanContext(this.direction, newPrincipal, this.systemPrompt, this.attributes);
	}

	public ScanContext withSystemPrompt(String newSystemPrompt) {
		return new ScanContext(this.direction, this.principal, newSystemPrompt, this.attributes);
	}

	public ScanContext withAttribute(String name, Object value) {
		java.util.HashMap<String, Object> copy = new java.util.HashMap<>(this.attributes);
		copy.put(name, value);
		return new ScanContext(this.direction, this.principal, this.systemPrompt, copy);
	}

}
