package dev.aisecurity.ai.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.aisecurity.ai.OutputGuardAdvisor;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.leak.Canary;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.DefaultAroundAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisor on Spring AI's own advisor chain, with a terminal advisor standing in for
 * the model: tool-call arguments and reasoning content are guarded in calls and streams,
 * and the canary goes into the system prompt only.
 */
class OutputGuardAdvisorTests {

	private static final String EMAIL = "jane.roe@example.org";

	private final GuardPipeline pipeline = GuardPipeline.builder()
		.direction(Direction.OUTPUT)
		.scanners(GuardPipelines.defaultOutputScanners())
		.build();

	private final OutputGuardAdvisor advisor = OutputGuardAdvisor.builder(this.pipeline).build();

	private final AtomicReference<ChatClientRequest> seen = new AtomicReference<>();

	private DefaultAroundAdvisorChain chain(List<ChatResponse> responses) {
		Terminal terminal = new Terminal(responses, this.seen);
		return DefaultAroundAdvisorChain.builder(ObservationRegistry.NOOP)
			.pushAll(List.of(this.advisor, terminal))
			.build();
	}

	private static ChatClientRequest request(boolean withSystem) {
		List<org.springframework.ai.chat.messages.Message> messages = new ArrayList<>();
		if (withSystem) {
			messages.add(new SystemMessage("You are a support assistant."));
		}
		messages.add(new UserMessage("Who wrote the ticket?"));
		return ChatClientRequest.builder().prompt(new Prompt(messages)).context(Map.of()).build();
	}

	private static AssistantMessage message(String text, String reasoning, List<AssistantMessage.ToolCall> calls) {
		AssistantMessage.Builder<?> builder = AssistantMessage.builder().content(text).toolCalls(calls);
		if (reasoning != null) {
			builder.properties(Map.of(OutputGuardAdvisor.REASONING_CONTENT_KEY, reasoning));
		}
		return builder.build();
	}

	@Test
	void callGuardsTextToolArgumentsAndReasoning() {
		AssistantMessage answer = message("It was " + EMAIL + ".", "The ticket header names " + EMAIL + " as author.",
				List.of(new AssistantMessage.ToolCall("c1", "function", "notify", "{\"to\":\"" + EMAIL + "\"}")));
		ChatClientResponse response = chain(List.of(new ChatResponse(List.of(new Generation(answer)))))
			.nextCall(request(true));
		AssistantMessage guarded = response.chatResponse().getResult().getOutput();
		assertThat(guarded.getText()).isEqualTo("It was <EMAIL_ADDRESS>.");
		assertThat(guarded.getToolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"to\":\"<EMAIL_ADDRESS>\"}"));
		assertThat((String) guarded.getMetadata().get(OutputGuardAdvisor.REASONING_CONTENT_KEY))
			.isEqualTo("The ticket header names <EMAIL_ADDRESS> as author.");
	}

	@Test
	void canaryGoesIntoTheSystemPromptOnly() {
		chain(List.of(new ChatResponse(List.of(new Generation(new AssistantMessage("ok")))))).nextCall(request(true));
		Prompt prompt = this.seen.get().prompt();
		assertThat(prompt.getSystemMessage().getText()).startsWith("You are a support assistant.")
			.contains(Canary.PREFIX);
		assertThat(prompt.getUserMessage().getText()).doesNotContain(Canary.PREFIX);
		chain(List.of(new ChatResponse(List.of(new Generation(new AssistantMessage("ok")))))).nextCall(request(false));
		assertThat(this.seen.get().prompt().getSystemMessages()).isEmpty();
	}

	@Test
	void streamGuardsTextReasoningAndToolCalls() {
		List<ChatResponse> chunks = new ArrayList<>();
		String reasoning = "The header names " + EMAIL + " as author, so I will notify that person right away.";
		String text = "The ticket came from " + EMAIL + " yesterday, and I have notified the author as requested.";
		for (int i = 0; i < text.length(); i += 5) {
			String reasoningPiece = (i < reasoning.length())
					? reasoning.substring(i, Math.min(reasoning.length(), i + 5)) : "";
			chunks.add(new ChatResponse(List.of(new Generation(
					message(text.substring(i, Math.min(text.length(), i + 5)), reasoningPiece, List.of())))));
		}
		AssistantMessage last = message("", null,
				List.of(new AssistantMessage.ToolCall("c1", "function", "notify", "{\"to\":\"" + EMAIL + "\"}")));
		chunks.add(new ChatResponse(
				List.of(new Generation(last, ChatGenerationMetadata.builder().finishReason("tool_calls").build()))));
		List<ChatClientResponse> out = chain(chunks).nextStream(request(true)).collectList().block();
		StringBuilder streamedText = new StringBuilder();
		StringBuilder streamedReasoning = new StringBuilder();
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (ChatClientResponse response : out) {
			for (Generation generation : response.chatResponse().getResults()) {
				AssistantMessage message = generation.getOutput();
				streamedText.append(message.getText() == null ? "" : message.getText());
				Object piece = message.getMetadata().get(OutputGuardAdvisor.REASONING_CONTENT_KEY);
				streamedReasoning.append(piece == null ? "" : piece);
				calls.addAll(message.getToolCalls());
				assertThat(String.valueOf(streamedText)).doesNotContain("jane");
				assertThat(String.valueOf(streamedReasoning)).doesNotContain("jane");
			}
		}
		assertThat(streamedText.toString())
			.isEqualTo("The ticket came from <EMAIL_ADDRESS> yesterday, and I have notified the author as requested.");
		assertThat(streamedReasoning.toString())
			.isEqualTo("The header names <EMAIL_ADDRESS> as author, so I will notify that person right away.");
		assertThat(calls).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"to\":\"<EMAIL_ADDRESS>\"}"));
	}

	@Test
	void streamedToolCallArgumentsSplitAcrossChunksAreScannedWhole() {
		// OpenAI-style deltas: the first fragment carries id and name, the rest only
		// more argument text; the e-mail is split between two chunks
		List<ChatResponse> chunks = new ArrayList<>();
		chunks.add(new ChatResponse(List.of(new Generation(message("", null,
				List.of(new AssistantMessage.ToolCall("c1", "function", "notify", "{\"to\":\"jane.r")))))));
		chunks.add(new ChatResponse(List.of(new Generation(
				message("", null, List.of(new AssistantMessage.ToolCall("", "", "", "oe@example.org\",\"cc\"")))))));
		chunks.add(new ChatResponse(
				List.of(new Generation(message("", null, List.of(new AssistantMessage.ToolCall("", "", "", ":\"ops\"}"),
						new AssistantMessage.ToolCall("c2", "function", "audit", "{\"who\":\"" + EMAIL + "\"}")))))));
		chunks.add(new ChatResponse(List.of(new Generation(message("", null, List.of()),
				ChatGenerationMetadata.builder().finishReason("tool_calls").build()))));
		List<ChatClientResponse> out = chain(chunks).nextStream(request(true)).collectList().block();
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (ChatClientResponse response : out) {
			for (Generation generation : response.chatResponse().getResults()) {
				for (AssistantMessage.ToolCall call : generation.getOutput().getToolCalls()) {
					assertThat(call.arguments()).doesNotContain("jane").doesNotContain("roe@");
					calls.add(call);
				}
			}
		}
		assertThat(calls).extracting(AssistantMessage.ToolCall::id).containsExactly("c1", "c2");
		assertThat(calls.get(0).name()).isEqualTo("notify");
		assertThat(calls.get(0).arguments()).isEqualTo("{\"to\":\"<EMAIL_ADDRESS>\",\"cc\":\"ops\"}");
		assertThat(calls.get(1).arguments()).isEqualTo("{\"who\":\"<EMAIL_ADDRESS>\"}");
	}

	@Test
	void streamedToolCallsWithoutAFinishReasonAreReleasedAtTheEnd() {
		List<ChatResponse> chunks = List.of(
				new ChatResponse(List.of(new Generation(message("", null,
						List.of(new AssistantMessage.ToolCall("c1", "function", "notify", "{\"to\":\"jane.")))))),
				new ChatResponse(List.of(new Generation(
						message("", null, List.of(new AssistantMessage.ToolCall("", "", "", "roe@example.org\"}")))))));
		List<ChatClientResponse> out = chain(chunks).nextStream(request(true)).collectList().block();
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		out.forEach((response) -> response.chatResponse()
			.getResults()
			.forEach((generation) -> calls.addAll(generation.getOutput().getToolCalls())));
		assertThat(calls).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"to\":\"<EMAIL_ADDRESS>\"}"));
	}

	/**
	 * Stands in for the model call at the end of the chain.
	 */
	private record Terminal(List<ChatResponse> responses,
			AtomicReference<ChatClientRequest> seen) implements CallAdvisor, StreamAdvisor {

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			this.seen.set(request);
			return ChatClientResponse.builder().chatResponse(this.responses.get(0)).context(request.context()).build();
		}

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			this.seen.set(request);
			return Flux.fromIterable(this.responses)
				.map((response) -> ChatClientResponse.builder()
					.chatResponse(response)
					.context(request.context())
					.build());
		}

		@Override
		public String getName() {
			return "model";
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
