package dev.aisecurity.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.aisecurity.ratelimit.RateLimitEvent;
import dev.aisecurity.web.AiGuarded;
import dev.aisecurity.web.AiGuardedDecisionEvent;

import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's view of how the API is used, counted from the security edge's events
 * (metadata only). Needs role ADMIN and a second factor: the API key plus a TOTP code in
 * {@code X-OTP}.
 */
@RestController
public class AdminController {

	private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

	@AiGuarded(roles = "ADMIN", mfa = true, bucket = "admin")
	@GetMapping("/api/admin/usage")
	public Map<String, Long> usage() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counters.forEach((name, counter) -> snapshot.put(name, counter.sum()));
		return snapshot;
	}

	@EventListener
	void onDecision(AiGuardedDecisionEvent event) {
		count(event.granted() ? "granted" : "denied." + event.code());
	}

	@EventListener
	void onRateLimit(RateLimitEvent event) {
		count("limited." + event.code());
	}

	private void count(String name) {
		this.counters.computeIfAbsent(name, (n) -> new LongAdder()).increment();
	}

}
