package dev.aisecurity.vault.provider;

import java.util.function.Supplier;

import com.openai.credential.BearerTokenCredential;

import org.springframework.ai.model.openai.autoconfigure.AbstractOpenAiProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives Spring AI's OpenAI clients a credential that asks {@link VaultProviderKeys} for
 * the key on every request, so a key rotated in Vault is used by the next model call.
 * <p>
 * Spring AI 2.0 builds its OpenAI clients (official OpenAI Java SDK) from the
 * {@code spring.ai.openai.*} property beans and hands their {@code credential} to the
 * SDK, which places it in the {@code Authorization} header of each request; a
 * {@link BearerTokenCredential} built from a supplier is evaluated per request. This post
 * processor sets that credential on every OpenAI properties bean (common, chat,
 * embedding, ...) before the model beans read them, and clears their static
 * {@code api-key}, which Spring AI would otherwise prefer. A credential configured
 * explicitly by the application is left alone. Spring AI falls back to the
 * {@code OPENAI_API_KEY} environment variable when no key is set, and that variable would
 * again win over the credential: do not set it together with Vault rotation.
 */
public class OpenAiRotatingCredentialPostProcessor implements BeanPostProcessor {

	private final Supplier<String> apiKey;

	public OpenAiRotatingCredentialPostProcessor(Supplier<String> apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractOpenAiProperties properties && properties.getCredential() == null) {
			properties.setCredential(BearerTokenCredential.create(this.apiKey));
			// Spring AI prefers a static api-key over the credential: drop it (it is the
			// value
			// Vault config data supplied at start-up, which the supplier falls back to).
			properties.setApiKey(null);
		}
		return bean;
	}

}
