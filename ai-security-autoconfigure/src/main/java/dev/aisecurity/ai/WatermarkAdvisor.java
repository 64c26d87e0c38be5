package dev.aisecurity.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.aisecurity.guard.watermark.ResponseWatermark;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.core.Ordered;

/**
 * Adds the invisible per-principal {@link ResponseWatermark} to the text of answers, for
 * calls and streams (a stream is marked chunk by chunk, with the same rule). Ordered
 * outside the output guard, chat memory and PII restoration, so the guard scans and
 * memory keeps the unmarked answer and only the caller gets the marked one. Answers to
 * requests without a known principal are not marked.
 */
public final class WatermarkAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Default order: {@code HIGHEST_PRECEDENCE + 140}, outside PII restoration
	 * ({@code + 150}), chat memory ({@code + 200}) and the output guard ({@code + 250}),
	 * inside the input guard ({@code + 100}).
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 140;

	private final ResponseWatermark watermark;

	private final Function<ChatClientRequest, String> principals;

	/**
	 * Create the advisor.
	 * @param watermark the watermark
	 * @param principals who a request is answered to (null when unknown)
	 */
	public WatermarkAdvisor(ResponseWatermark watermark, Function<ChatClientRequest, String> principals) {
		this.watermark = Objects.requireNonNull(watermark, "watermark");
		this.principals = Objects.requireNonNull(principals, "principals");
	}

	@Override
	public String getName() {
		return "AiSecurityWatermark";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		String principal = this.principals.apply(request);
		ChatClientResponse response = chain.nextCall(request);
		if (principal == null) {
			return response;
		}
		List<ResponseWatermark.Session> sessions = new ArrayList<>();
		return mark(response, sessions, principal);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		// resolved on the calling thread, where the security context is
		String principal = this.principals.apply(request);
		if (principal == null) {
			return chain.nextStream(request);
		}
		return Flux.defer(() -> {
			List<ResponseWatermark.Session> sessions = new ArrayList<>();
			return chain.nextStream(request).map((response) -> mark(response, sessions, principal));
		});
	}

	private ChatClientResponse mark(ChatClientResponse response, List<ResponseWatermark.Session> sessions,
			String principal) {
		ChatResponse chatResponse = response.chatResponse();
		if (chatResponse == null || chatResponse.getResults().isEmpty()) {
			return response;
		}
		List<Generation> generations = new ArrayList<>(chatResponse.getResults().size());
		boolean changed = false;
		for (int i = 0; i < chatResponse.getResults().size(); i++) {
			Generation generation = chatResponse.getResults().get(i);
			while (sessions.size() <= i) {
				sessions.add(this.watermark.open(principal));
			}
			AssistantMessage message = generation.getOutput();
			String text = message.getText();
			String marked = sessions.get(i).apply(text);
			if (Objects.equals(marked, text)) {
				generations.add(generation);
			}
			else {
				changed = true;
				generations.add(new Generation(message.mutate().content(marked).build(), generation.getMetadata()));
			}
		}
		if (!changed) {
			return response;
		}
		return response.mutate()
			.chatResponse(ChatResponse.builder().from(chatResponse).generations(generations).build())
			.build();
	}

}
