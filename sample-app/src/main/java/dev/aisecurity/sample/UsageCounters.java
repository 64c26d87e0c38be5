package dev.aisecurity.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.aisecurity.ratelimit.RateLimitEvent;
import dev.aisecurity.web.AiGuardedDecisionEvent;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

/**
 * Counts the security edge's decisions and rate-limit refusals (metadata only) for the
 * admin's usage view. A plain listener rather than {@code @EventListener} methods on the
 * controller: it hears one decision per guarded request, and a method listener on a
 * controller behind method security costs a bean look-up and a proxied, reflective call
 * each time.
 */
@Component
class UsageCounters implements GenericApplicationListener {

	private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return PayloadApplicationEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		Object payload = ((PayloadApplicationEvent<?>) event).getPayload();
		if (payload instanceof AiGuardedDecisionEvent decision) {
			count(decision.granted() ? "granted" : "denied." + decision.code());
		}
		else if (payload instanceof RateLimitEvent limited) {
			count("limited." + limited.code());
		}
	}

	Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counters.forEach((name, counter) -> snapshot.put(name, counter.sum()));
		return snapshot;
	}

	private void count(String name) {
		this.counters.computeIfAbsent(name, (n) -> new LongAdder()).increment();
	}

}
