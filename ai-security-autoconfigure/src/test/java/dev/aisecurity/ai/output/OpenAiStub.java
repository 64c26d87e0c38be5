package dev.aisecurity.ai.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A local server speaking the OpenAI chat completions API (JSON and SSE), for the real
 * Spring AI OpenAI client. The answer is computed from the request body, so tests can
 * echo what the client sent (the canary in the system prompt, for example).
 */
final class OpenAiStub extends Dispatcher {

	private final Function<String, List<String>> answer;

	private final long chunkDelayMillis;

	final AtomicInteger chunksWritten = new AtomicInteger();

	final AtomicInteger chunksPlanned = new AtomicInteger();

	final CountDownLatch clientClosed = new CountDownLatch(1);

	final List<String> requestBodies = new ArrayList<>();

	/**
	 * @param answer request body to the answer's chunks (a call joins them)
	 * @param chunkDelayMillis pause between streamed chunks
	 */
	OpenAiStub(Function<String, List<String>> answer, long chunkDelayMillis) {
		this.answer = answer;
		this.chunkDelayMillis = chunkDelayMillis;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		synchronized (this.requestBodies) {
			this.requestBodies.add(body);
		}
		List<String> chunks = this.answer.apply(body);
		if (body.contains("\"stream\":true")) {
			this.chunksPlanned.set(chunks.size());
			return new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "text/event-stream")
				.addHeader("Connection", "close")
				.body(new SseBody(chunks))
				// no Content-Length: the end of the body is the end of the connection
				.onResponseEnd(new SocketEffect.CloseSocket())
				.build();
		}
		String content = String.join("", chunks);
		String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
				+ "\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}";
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
	}

	static String chunkEvent(String content, String finishReason) {
		return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{"
				+ ((content != null) ? "\"role\":\"assistant\",\"content\":" + quote(content) : "") + "},"
				+ "\"finish_reason\":" + ((finishReason != null) ? quote(finishReason) : "null") + "}]}";
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

	private final class SseBody implements MockResponseBody {

		private final List<String> chunks;

		SseBody(List<String> chunks) {
			this.chunks = chunks;
		}

		@Override
		public long getContentLength() {
			return -1;
		}

		@Override
		public void writeTo(BufferedSink sink) throws IOException {
			try {
				for (String chunk : this.chunks) {
					sink.writeUtf8("data: " + chunkEvent(chunk, null) + "\n\n");
					sink.flush();
					OpenAiStub.this.chunksWritten.incrementAndGet();
					pause();
				}
				sink.writeUtf8("data: " + chunkEvent(null, "stop") + "\n\n");
				sink.writeUtf8("data: [DONE]\n\n");
				sink.flush();
			}
			catch (IOException ex) {
				OpenAiStub.this.clientClosed.countDown();
				throw ex;
			}
		}

		private void pause() throws IOException {
			if (OpenAiStub.this.chunkDelayMillis > 0) {
				try {
					Thread.sleep(OpenAiStub.this.chunkDelayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted");
				}
			}
		}

	}

}
