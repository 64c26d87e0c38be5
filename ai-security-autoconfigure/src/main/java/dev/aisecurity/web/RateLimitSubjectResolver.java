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
 */
public final class RateLimitSubjectResolver {

	/** The authority prefix naming a tier. */
	public static final String TIER_AUTHORITY_PREFIX = "TIER_";

	private static final String DEFAULT_BUCKET = "default";

	private final Map<String, Tier> tiers;

	private final Tier defaultTier;

	private final Tier anonymousTier;

	private final ClientAddressResolver addresses;

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
		this.tiers = Map.copyOf(tiers);
		this.defaultTier = require(tiers, defaultTier);
		this.anonymousTier = require(tiers, anonymousTier);
		this.addresses = addresses;
		new SecureRandom().nextBytes(this.labelKey);
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
		return new RateLimitSubject("p:" + caller.getName() + ":" + bucket, caller.getName(), tier);
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
