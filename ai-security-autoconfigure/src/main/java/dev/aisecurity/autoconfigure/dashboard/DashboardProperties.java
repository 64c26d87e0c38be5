package dev.aisecurity.autoconfigure.dashboard;

import java.time.Duration;

import dev.aisecurity.dashboard.DashboardController;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security dashboard page ({@code ai.security.dashboard}).
 */
@ConfigurationProperties("ai.security.dashboard")
public class DashboardProperties {

	/**
	 * Whether to serve the security dashboard page. It needs the ADMIN role and a second
	 * factor, like the other administrative operations.
	 */
	private boolean enabled;

	/**
	 * Path of the dashboard page (without a trailing slash).
	 */
	private String path = DashboardController.DEFAULT_PATH;

	/**
	 * Path of the application's chat endpoint that the dashboard's chat box posts to, as
	 * JSON {"message": "..."}, showing the "reply" field or the problem code. Empty: no
	 * chat box.
	 */
	private String chatPath;

	/**
	 * How often the page refreshes its counters, scores and posture.
	 */
	private Duration refreshInterval = Duration.ofSeconds(5);

	/**
	 * How many principals with the highest model-extraction scores to show.
	 */
	private int topPrincipals = 10;

	/**
	 * Whether responses to administrators carry the guard decision and reason codes of
	 * their request in the X-AI-Security-Verdict and X-AI-Security-Reasons headers (codes
	 * only, never text); the chat box shows them.
	 */
	private boolean verdictHeaders = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getChatPath() {
		return this.chatPath;
	}

	public void setChatPath(String chatPath) {
		this.chatPath = chatPath;
	}

	public Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	public int getTopPrincipals() {
		return this.topPrincipals;
	}

	public void setTopPrincipals(int topPrincipals) {
		this.topPrincipals = topPrincipals;
	}

	public boolean isVerdictHeaders() {
		return this.verdictHeaders;
	}

	public void setVerdictHeaders(boolean verdictHeaders) {
		this.verdictHeaders = verdictHeaders;
	}

}
