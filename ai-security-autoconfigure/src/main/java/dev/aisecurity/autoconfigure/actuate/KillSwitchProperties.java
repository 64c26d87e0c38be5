package dev.aisecurity.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The incident-response kill switch ({@code ai.security.kill-switch}).
 */
@ConfigurationProperties("ai.security")
public class KillSwitchProperties {

	/**
	 * Whether the kill switch is engaged at start-up: every AI call (ChatClient,
	 * ChatModel, {@code @AiGuarded} endpoint) is refused with 503 until an admin
	 * disengages it through the 'aikillswitch' actuator endpoint.
	 */
	private boolean killSwitch;

	public boolean isKillSwitch() {
		return this.killSwitch;
	}

	public void setKillSwitch(boolean killSwitch) {
		this.killSwitch = killSwitch;
	}

}
