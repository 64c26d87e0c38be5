package dev.aisecurity.vault.transit;

import java.util.List;
import java.util.Map;

import dev.aisecurity.vault.testsupport.FakeVaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptingChatMemoryRepositoryTests {

	private final FakeVaultServer vault = FakeVaultServer.start("root-token");

	private final ChatMemoryRepository store = new InMemoryChatMemoryRepository();

	private final EncryptingChatMemoryRepository repository = new EncryptingChatMemoryRepository(this.store,
			new TransitTextEncryptor(
					new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication("root-token"))
						.opsForTransit(),
					"memory"));

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private static List<Message> conversation() {
		return List.of(new SystemMessage("You are the billing assistant of ACME"),
				UserMessage.builder().text("My IBAN is DE89370400440532013000").metadata(Map.of("k", "v")).build(),
				AssistantMessage.builder()
					.content("Let me look that up")
					.toolCalls(List.of(new AssistantMessage.ToolCall("call-1", "function", "lookupIban",
							"{\"iban\":\"DE89370400440532013000\"}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List
						.of(new ToolResponseMessage.ToolResponse("call-1", "lookupIban", "{\"owner\":\"Jane Roe\"}")))
					.build(),
				new AssistantMessage("The account belongs to Jane Roe"));
	}

	@Test
	void storeHoldsOnlyCiphertextAndReadsGiveBackTheConversation() {
		this.repository.saveAll("conv-1", conversation());

		List<Message> raw = this.store.findByConversationId("conv-1");
		assertThat(raw).hasSize(5);
		String rawDump = raw.toString();
		assertThat(rawDump).doesNotContain("DE89370400440532013000", "Jane Roe", "billing assistant", "look that up");
		assertThat(raw.get(1).getText()).startsWith("vault:v1:");
		assertThat(((AssistantMessage) raw.get(2)).getToolCalls().get(0).arguments()).startsWith("vault:v1:");
		assertThat(((AssistantMessage) raw.get(2)).getToolCalls().get(0).name()).isEqualTo("lookupIban");
		assertThat(((ToolResponseMessage) raw.get(3)).getResponses().get(0).responseData()).startsWith("vault:v1:");

		List<Message> read = this.repository.findByConversationId("conv-1");
		assertThat(read).extracting(Message::getText)
			.containsExactly("You are the billing assistant of ACME", "My IBAN is DE89370400440532013000",
					"Let me look that up", conversation().get(3).getText(), "The account belongs to Jane Roe");
		assertThat(read.get(1).getMetadata()).containsEntry("k", "v");
		assertThat(((AssistantMessage) read.get(2)).getToolCalls().get(0).arguments())
			.isEqualTo("{\"iban\":\"DE89370400440532013000\"}");
		assertThat(((ToolResponseMessage) read.get(3)).getResponses().get(0).responseData())
			.isEqualTo("{\"owner\":\"Jane Roe\"}");
		assertThat(this.repository.findConversationIds()).containsExactly("conv-1");
	}

	@Test
	void legacyPlaintextIsReadAndEncryptedOnNextSave() {
		this.store.saveAll("old", List.of(new UserMessage("written before encryption")));
		List<Message> read = this.repository.findByConversationId("old");
		assertThat(read).extracting(Message::getText).containsExactly("written before encryption");
		this.repository.saveAll("old", read);
		assertThat(this.store.findByConversationId("old").get(0).getText()).startsWith("vault:v1:");
	}

	@Test
	void rewrapAllMovesStoredMemoryToTheNewKeyVersion() {
		this.repository.saveAll("conv-1", conversation());
		this.store.saveAll("legacy", List.of(new UserMessage("plain")));
		this.vault.rotateTransitKey("memory");

		assertThat(this.repository.rewrapAll()).isEqualTo(2);

		assertThat(this.store.findByConversationId("conv-1").get(1).getText()).startsWith("vault:v2:");
		assertThat(this.store.findByConversationId("legacy").get(0).getText()).startsWith("vault:v2:");
		assertThat(this.repository.findByConversationId("conv-1").get(1).getText())
			.isEqualTo("My IBAN is DE89370400440532013000");
		assertThat(this.vault.requests()).contains("POST /v1/transit/rewrap/memory");
	}

	@Test
	void deleteReachesTheStore() {
		this.repository.saveAll("conv-1", conversation());
		this.repository.deleteByConversationId("conv-1");
		assertThat(this.store.findByConversationId("conv-1")).isEmpty();
	}

}
