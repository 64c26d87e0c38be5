package dev.aisecurity.sample;

import java.util.Map;

import dev.aisecurity.web.AiGuarded;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's view of how the API is used, counted from the security edge's events
 * (metadata only). Needs role ADMIN and a second factor: the API key plus a TOTP code in
 * {@code X-OTP}.
 */
@RestController
public class AdminController {

	private final UsageCounters counters;

	AdminController(UsageCounters counters) {
		this.counters = counters;
	}

	@AiGuarded(roles = "ADMIN", mfa = true, bucket = "admin")
	@GetMapping("/api/admin/usage")
	public Map<String, Long> usage() {
		return this.counters.snapshot();
	}

}
