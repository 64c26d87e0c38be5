package dev.aisecurity.audit;

/**
 * Who made an audited call and through which endpoint.
 *
 * @param principal the caller's name, {@code anonymous} when unauthenticated
 * @param authenticationMethod how the caller authenticated, {@code none} when not
 * @param tier the caller's rate-limit tier, or {@code null}
 * @param endpoint the endpoint pattern, or {@code null} outside a web request
 */
public record AuditCaller(String principal, String authenticationMethod, String tier, String endpoint) {

	/** The caller outside any security or web context. */
	public static final AuditCaller UNKNOWN = new AuditCaller("anonymous", "none", null, null);

}
