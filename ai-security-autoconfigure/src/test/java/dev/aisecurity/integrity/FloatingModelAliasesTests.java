package dev.aisecurity.integrity;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FloatingModelAliasesTests {

	private final FloatingModelAliases aliases = new FloatingModelAliases(Set.of("text-embedding-3-small"));

	@ParameterizedTest
	@CsvSource({ "openai, gpt-4o", "openai, gpt-4o-mini", "openai, gpt-4", "openai, chatgpt-4o-latest",
			"anthropic, claude-3-5-sonnet-latest", "anthropic, claude-sonnet-4-5", "google, gemini-2.0-flash",
			"mistral, mistral-large-latest", "ollama, llama3", "ollama, llama3:latest", "openai, o1" })
	void floatingAliases(String provider, String model) {
		assertThat(this.aliases.isFloating(provider, model)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "openai, gpt-4o-2024-08-06", "openai, gpt-4-0613", "openai, gpt-3.5-turbo-0125",
			"openai, o3-mini-2025-01-31", "anthropic, claude-3-5-sonnet-20241022", "google, gemini-1.5-pro-002",
			"mistral, mistral-large-2407", "bedrock, anthropic.claude-3-5-sonnet-20240620-v1:0",
			"bedrock, amazon.titan-embed-text-v2:0", "ollama, llama3.1:8b-instruct-q4_0",
			"ollama, llama3@sha256:0123abcd", "openai, text-embedding-3-small", "openai, TEXT-EMBEDDING-3-SMALL" })
	void pinnedNames(String provider, String model) {
		assertThat(this.aliases.isFloating(provider, model)).isFalse();
	}

}
