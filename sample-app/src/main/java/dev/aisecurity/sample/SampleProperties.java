package dev.aisecurity.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * The system prompt given to the model on every call.
	 */
	private String systemPrompt = "You are a helpful assistant.";

	/**
	 * Whether the built-in offline demo model is used. Switched off by the provider
	 * profiles (openai, ollama), whose starters supply the model.
	 */
	private boolean demoModel = true;

	/**
	 * Password hash of the demo administrator's browser sign-in, with its encoder prefix
	 * (e.g. {bcrypt}...). Empty: no browser sign-in.
	 */
	private String adminPasswordHash;

	public String getSystemPrompt() {
		return this.systemPrompt;
	}

	public void setSystemPrompt(String systemPrompt) {
		this.systemPrompt = systemPrompt;
	}

	public String getAdminPasswordHash() {
		return this.adminPasswordHash;
	}

	public void setAdminPasswordHash(String adminPasswordHash) {
		this.adminPasswordHash = adminPasswordHash;
	}

	public boolean isDemoModel() {
		return this.demoModel;
	}

	public void setDemoModel(boolean demoModel) {
		this.demoModel = demoModel;
	}

}
