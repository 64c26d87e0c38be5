package dev.aisecurity.web.apikey;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One stored API key: its hash and what it grants. Never holds the key itself.
 *
 * @param keyId a non-secret label for the key (for audit records and rotation, e.g.
 * {@code alice-2026-01})
 * @param principal the principal id the key authenticates as
 * @param hash the SHA-256 hash of the key
 * @param roles roles without the {@code ROLE_} prefix
 * @param authorities further authorities granted verbatim
 * @param tier the rate-limit tier, or {@code null} for the configured default
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param enabled whether the key works at all
 */
public record ApiKeyRecord(String keyId, String principal, ApiKeyHash hash, Set<String> roles, Set<String> authorities,
		String tier, Instant expiresAt, boolean enabled) {

	public ApiKeyRecord {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(hash, "hash");
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		authorities = (authorities != null) ? Set.copyOf(authorities) : Set.of();
	}

	/**
	 * Whether the key may be used at the given instant: enabled and not expired.
	 * @param now the current instant
	 * @return whether the key is active
	 */
	public boolean isActive(Instant now) {
		return this.enabled && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

	/**
	 * Start building a record.
	 * @param keyId the key's non-secret label
	 * @param principal the principal id
	 * @param hash the key's hash
	 * @return a builder
	 */
	public static Builder builder(String keyId, String principal, ApiKeyHash hash) {
		return new Builder(keyId, principal, hash);
	}

	/**
	 * Builds {@link ApiKeyRecord}s.
	 */
	public static final class Builder {

		private final String keyId;

		private final String principal;

		private final ApiKeyHash hash;

		private Set<String> roles = Set.of();

		private Set<String> authorities = Set.of();

		private String tier;

		private Instant expiresAt;

		private boolean enabled = true;

		private Builder(String keyId, String principal, ApiKeyHash hash) {
			this.keyId = keyId;
			this.principal = principal;
			this.hash = hash;
		}

		public Builder roles(String... roles) {
			this.roles = Set.of(roles);
			return this;
		}

		public Builder authorities(String... authorities) {
			this.authorities = Set.of(authorities);
			return this;
		}

		public Builder tier(String tier) {
			this.tier = tier;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		public ApiKeyRecord build() {
			return new ApiKeyRecord(this.keyId, this.principal, this.hash, this.roles, this.authorities, this.tier,
					this.expiresAt, this.enabled);
		}

	}

}
