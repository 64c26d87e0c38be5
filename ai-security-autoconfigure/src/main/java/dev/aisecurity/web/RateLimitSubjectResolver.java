package dev.aisecurity.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import dev.aisecurity.ratelimit.ClientAddressResolver;
import dev.aisecurity.ratelimit.RateLimitSubject;
import dev.aisecurity.ratelimit.Tier;
import dev.aisecurity.ratelimit.TierThrottle;
import dev.aisecurity.web.apikey.ApiKeyAuthenticationToken;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Maps a caller to a {@link RateLimitSubject}. Tier: the endpoint's
 * {@link AiGuarded#tier()} override, else the API key's tier, else a {@code TIER_<name>}
 * authority, else the default tier; anonymous callers get the anonymous tier. Key:
 * {@code p:<principal>} (so a principal's two rotation keys share one quota) or
 * {@code ip:<client address>} for anonymous callers, plus the bucket. Unknown tier names
 * fall back to the default tier. Anonymous subjects are labelled in events with a keyed
 * hash of the address (the key is random per process), never the address.
 * <p>
 * An optional {@link TierThrottle} (e.g. the model-extraction guard) can demote an
 * authenticated principal to a lower throttle tier for now; a throttled principal is
 * counted under its own key, so its quotas are the throttle tier's in every store.
 */
public final class RateLimitSubjectResolver {

	/** The authority prefix naming a tier. */
	public static final String TIER_AUTHORITY_PREFIX = "TIER_";

	private static final String DEFAULT_BUCKET = "default";

	private final Map<String, Tier> tiers;

	private final Tier defaultTier;

	private final Tier anonymousTier;

	private final ClientAddressResolver addresses;

	private final TierThrottle throttle;

	private final Tier throttleTier;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final byte[] labelKey = new byte[32];

	/**
	 * Create the resolver.
	 * @param tiers the tiers by name
	 * @param defaultTier the name of the tier for authenticated callers without one
	 * @param anonymousTier the name of the tier for anonymous callers
	 * @param addresses finds client addresses
	 */
	public RateLimitSubjectResolver(Map<String, Tier> tiers, String defaultTier, String anonymousTier,
			ClientAddressResolver addresses) {
		this(tiers, defaultTier, anonymousTier, addresses, null);
	}

	/**
	 * Create the resolver with a throttle.
	 * @param tiers the tiers by name
	 * @param defaultTier the name of the tier for authenticated callers without one
	 * @param anonymousTier the name of the tier for anonymous callers
	 * @param addresses finds client addresses
	 * @param throttle demotes principals to a lower tier for now, may be null
	 */
	public RateLimitSubjectResolver(Map<String, Tier> tiers, String defaultTier, String anonymousTier,
			ClientAddressResolver addresses, TierThrottle throttle) {
		this.tiers = Map.copyOf(tiers);
		this.defaultTier = require(tiers, defaultTier);
		this.anonymousTier = require(tiers, anonymousTier);
		this.addresses = addresses;
		this.throttle = throttle;
		this.throttleTier = (throttle != null) ? throttleTier(tiers, throttle.tier(), this.anonymousTier) : null;
		new SecureRandom().nextBytes(this.labelKey);
	}

	private static Tier throttleTier(Map<String, Tier> tiers, String name, Tier anonymous) {
		if (name != null && !name.isBlank()) {
			return require(tiers, name);
		}
		Tier lowest = null;
		for (Tier tier : tiers.values()) {
			if (!tier.equals(anonymous) && (lowest == null || perMinute(tier) < perMinute(lowest))) {
				lowest = tier;
			}
		}
		return (lowest != null) ? lowest : anonymous;
	}

	private static long perMinute(Tier tier) {
		return (tier.requestsPerMinute() > 0) ? tier.requestsPerMinute() : Long.MAX_VALUE;
	}

	private static Tier require(Map<String, Tier> tiers, String name) {
		Tier tier = tiers.get(name);
		if (tier == null) {
			throw new IllegalArgumentException("Rate-limit tier '" + name + "' is not configured");
		}
		return tier;
	}

	/**
	 * Resolve the subject.
	 * @param caller the authentication, may be null or anonymous
	 * @param request the request, may be null outside a web request
	 * @param guarded the endpoint's annotation
	 * @return the subject
	 */
	public RateLimitSubject resolve(Authentication caller, HttpServletRequest request, AiGuarded guarded) {
		String bucket = guarded.bucket().isEmpty() ? DEFAULT_BUCKET : guarded.bucket();
		boolean anonymous = caller == null || !caller.isAuthenticated() || this.trustResolver.isAnonymous(caller);
		Tier tier = guarded.tier().isEmpty() ? null : this.tiers.getOrDefault(guarded.tier(), this.defaultTier);
		if (anonymous) {
			String address = (request != null)
					? this.addresses.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")) : "unknown";
			return new RateLimitSubject("ip:" + address + ":" + bucket, "anonymous:" + label(address),
					(tier != null) ? tier : this.anonymousTier);
		}
		if (tier == null) {
			tier = tierOf(caller);
		}
		String key = "p:" + caller.getName() + ":" + bucket;
		if (this.throttle != null && perMinute(this.throttleTier) < perMinute(tier)
				&& this.throttle.throttled(caller.getName())) {
			// own key: stores that key buckets by quota name must not reuse the higher
			// tier's bucket
			return new RateLimitSubject(key + ":throttled", caller.getName(), this.throttleTier);
		}
		return new RateLimitSubject(key, caller.getName(), tier);
	}

	/**
	 * The tier configured under a name.
	 * @param name the name
	 * @return the tier, or the default tier
	 */
	public Tier tier(String name) {
		return this.tiers.getOrDefault(name, this.defaultTier);
	}

	private Tier tierOf(Authentication caller) {
		if (caller instanceof ApiKeyAuthenticationToken apiKey && apiKey.getTier() != null) {
			return tier(apiKey.getTier());
		}
		for (GrantedAuthority authority : caller.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(TIER_AUTHORITY_PREFIX)) {
				return tier(name.substring(TIER_AUTHORITY_PREFIX.length()));
			}
		}
		return this.defaultTier;
	}

	private String label(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.labelKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 8);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
