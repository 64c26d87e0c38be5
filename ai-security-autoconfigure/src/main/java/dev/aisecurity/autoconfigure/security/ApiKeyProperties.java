package dev.aisecurity.autoconfigure.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API key authentication. Keys are configured only as SHA-256 hashes
 * ({@code sha256:<hex>}); generate a key and its hash with
 * {@code dev.aisecurity.web.apikey.ApiKeyHashTool}.
 */
@ConfigurationProperties("ai.security.api-keys")
public class ApiKeyProperties {

	/**
	 * Whether the API key filter is enabled.
	 */
	private boolean enabled = true;

	/**
	 * The request header carrying the key.
	 */
	private String headerName = "X-API-Key";

	/**
	 * Keys sent as {@code Authorization: Bearer <key>} are recognised by this prefix;
	 * other bearer tokens (JWTs) are left to their own filter. Empty disables the
	 * Authorization form.
	 */
	private String bearerPrefix = "ais_";

	/**
	 * The keys (hashes and what they grant), used when no other {@code ApiKeyStore} bean
	 * is defined. At most two active keys per principal.
	 */
	private List<Key> keys = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeaderName() {
		return this.headerName;
	}

	public void setHeaderName(String headerName) {
		this.headerName = headerName;
	}

	public String getBearerPrefix() {
		return this.bearerPrefix;
	}

	public void setBearerPrefix(String bearerPrefix) {
		this.bearerPrefix = bearerPrefix;
	}

	public List<Key> getKeys() {
		return this.keys;
	}

	public void setKeys(List<Key> keys) {
		this.keys = keys;
	}

	/**
	 * One stored key.
	 */
	public static class Key {

		/**
		 * A non-secret label for the key, unique (used in audit records).
		 */
		private String id;

		/**
		 * The principal id the key authenticates as.
		 */
		private String principal;

		/**
		 * The key's hash, {@code sha256:<64 hex digits>}. Never the key itself.
		 */
		private String hash;

		/**
		 * Roles granted, without the {@code ROLE_} prefix.
		 */
		private List<String> roles = new ArrayList<>();

		/**
		 * Further authorities granted verbatim.
		 */
		private List<String> authorities = new ArrayList<>();

		/**
		 * The rate-limit tier; empty for {@code ai.security.rate-limit.default-tier}.
		 */
		private String tier;

		/**
		 * When the key stops working (ISO-8601 instant); empty for never.
		 */
		private Instant expiresAt;

		/**
		 * Whether the key works.
		 */
		private boolean enabled = true;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(String principal) {
			this.principal = principal;
		}

		public String getHash() {
			return this.hash;
		}

		public void setHash(String hash) {
			this.hash = hash;
		}

		public List<String> getRoles() {
			return this.roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

		public List<String> getAuthorities() {
			return this.authorities;
		}

		public void setAuthorities(List<String> authorities) {
			this.authorities = authorities;
		}

		public String getTier() {
			return this.tier;
		}

		public void setTier(String tier) {
			this.tier = tier;
		}

		public Instant getExpiresAt() {
			return this.expiresAt;
		}

		public void setExpiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
