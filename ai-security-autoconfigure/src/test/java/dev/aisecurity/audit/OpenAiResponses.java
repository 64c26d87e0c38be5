package dev.aisecurity.audit;

/**
 * Bodies in the shape of the OpenAI chat-completions API, for a local test server.
 */
final class OpenAiResponses {

	private OpenAiResponses() {
	}

	static String completion(String content) {
		return """
				{"id":"chatcmpl-audit","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}
				""".formatted(content);
	}

	static String sse(String content) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < content.length(); i += 4) {
			String piece = content.substring(i, Math.min(content.length(), i + 4));
			body.append("data: {\"id\":\"chatcmpl-audit\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
				.append("\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
				.append(piece)
				.append("\"},\"finish_reason\":null}]}\n\n");
		}
		body.append("data: {\"id\":\"chatcmpl-audit\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
			.append("\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
			.append("\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}\n\n");
		body.append("data: [DONE]\n\n");
		return body.toString();
	}

}
