package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.aisecurity.guard.pii.PiiTokenizer;
import dev.aisecurity.guard.pii.TokenMap;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

/**
 * Reversible PII tokenisation around the model: personal data in user messages is
 * replaced by placeholders such as {@code <EMAIL_ADDRESS_1>} before the prompt leaves the
 * application, and the placeholders in the model's reply are put back for this request
 * only, so the provider never sees the data while the user reads a natural answer. For
 * streams, a placeholder split across chunks is held back until it completes. The mapping
 * lives in the advisor call and is never logged or put into the request context.
 */
public final class PiiTokenizationAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Default order: just after the input guard ({@link InputGuardAdvisor#ORDER},
	 * {@code HIGHEST_PRECEDENCE + 100}), which sees the user's real text, and before chat
	 * memory ({@code HIGHEST_PRECEDENCE + 200}), retrieval and tool calling
	 * ({@code HIGHEST_PRECEDENCE + 300}), so history and tool loops only hold
	 * placeholders. On the way back it runs after those, restoring the reply last.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 150;

	private final PiiTokenizer tokenizer;

	private final int order;

	public PiiTokenizationAdvisor(PiiTokenizer tokenizer) {
		this(tokenizer, ORDER);
	}

	public PiiTokenizationAdvisor(PiiTokenizer tokenizer, int order) {
		this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
		this.order = order;
	}

	@Override
	public String getName() {
		return "AiSecurityPiiTokenization";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		TokenMap map = new TokenMap();
		ChatClientRequest tokenized = tokenize(request, map);
		ChatClientResponse response = chain.nextCall(tokenized);
		if (map.isEmpty() || response == null || response.chatResponse() == null) {
			return response;
		}
		return restore(response, map, null, true);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.defer(() -> {
			TokenMap map = new TokenMap();
			ChatClientRequest tokenized = tokenize(request, map);
			Flux<ChatClientResponse> responses = chain.nextStream(tokenized);
			if (map.isEmpty()) {
				return responses;
			}
			List<TokenMap.StreamRestorer> restorers = new ArrayList<>();
			Flux<ChatClientResponse> restored = responses.map((response) -> (response.chatResponse() == null) ? response
					: restore(response, map, restorers, false));
			// whatever is still held back (a '<' that never became a placeholder) ends
			// the
			// stream
			return restored.concatWith(Flux.defer(() -> {
				StringBuilder rest = new StringBuilder();
				for (TokenMap.StreamRestorer restorer : restorers) {
					rest.append(restorer.flush());
				}
				if (rest.isEmpty()) {
					return Flux.empty();
				}
				ChatResponse tail = new ChatResponse(List.of(new Generation(new AssistantMessage(rest.toString()))));
				return Flux.just(ChatClientResponse.builder().chatResponse(tail).context(request.context()).build());
			}));
		});
	}

	private ChatClientRequest tokenize(ChatClientRequest request, TokenMap map) {
		Prompt prompt = request.prompt();
		List<Message> messages = prompt.getInstructions();
		List<Message> forwarded = null;
		for (int i = 0; i < messages.size(); i++) {
			if (!(messages.get(i) instanceof UserMessage user) || !StringUtils.hasLength(user.getText())) {
				continue;
			}
			String text = user.getText();
			String tokenized = this.tokenizer.tokenize(text, map);
			if (!tokenized.equals(text)) {
				if (forwarded == null) {
					forwarded = new ArrayList<>(messages);
				}
				forwarded.set(i, user.mutate().text(tokenized).build());
			}
		}
		if (forwarded == null) {
			return request;
		}
		return request.mutate().prompt(prompt.mutate().messages(forwarded).build()).build();
	}

	private static ChatClientResponse restore(ChatClientResponse response, TokenMap map,
			List<TokenMap.StreamRestorer> restorers, boolean complete) {
		ChatResponse chatResponse = response.chatResponse();
		List<Generation> results = chatResponse.getResults();
		if (results == null || results.isEmpty()) {
			return response;
		}
		List<Generation> generations = new ArrayList<>(results.size());
		for (int i = 0; i < results.size(); i++) {
			Generation generation = results.get(i);
			AssistantMessage output = generation.getOutput();
			if (output == null || output.getText() == null) {
				generations.add(generation);
				continue;
			}
			String text;
			if (complete) {
				text = map.restore(output.getText());
			}
			else {
				while (restorers.size() <= i) {
					restorers.add(map.streamRestorer());
				}
				TokenMap.StreamRestorer restorer = restorers.get(i);
				text = restorer.push(output.getText());
				if (StringUtils.hasText(generation.getMetadata().getFinishReason())) {
					text = text + restorer.flush();
				}
			}
			generations.add(new Generation(output.mutate().content(text).build(), generation.getMetadata()));
		}
		ChatResponse restored = ChatResponse.builder().from(chatResponse).generations(generations).build();
		return response.mutate().chatResponse(restored).build();
	}

	@Override
	public String toString() {
		return "PiiTokenizationAdvisor[order=" + this.order + "]";
	}

}
