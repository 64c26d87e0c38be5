package dev.aisecurity.web.apikey;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authentication made with an API key. Holds the principal id, the key's non-secret id
 * and tier; never the key (the credentials are {@code null}).
 */
public final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

	private final String principal;

	private final String keyId;

	private final String tier;

	/**
	 * Create an authenticated token.
	 * @param principal the principal id
	 * @param keyId the key's non-secret id
	 * @param tier the key's rate-limit tier, may be null
	 * @param authorities roles, authorities and factor authorities
	 */
	public ApiKeyAuthenticationToken(String principal, String keyId, String tier,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = principal;
		this.keyId = keyId;
		this.tier = tier;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	/**
	 * The non-secret id of the key used.
	 * @return the key id
	 */
	public String getKeyId() {
		return this.keyId;
	}

	/**
	 * The rate-limit tier of the key.
	 * @return the tier, or null for the default
	 */
	public String getTier() {
		return this.tier;
	}

}
