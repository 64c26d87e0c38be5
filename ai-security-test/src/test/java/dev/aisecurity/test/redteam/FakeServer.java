package dev.aisecurity.test.redteam;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server for the kit's tests, with the {@link NaiveModel} behind it and, when
 * guarded, a crude guard: a request limit, a size limit, a refusal of anything that asks
 * for instructions, and a redaction of the canary.
 */
final class FakeServer implements AutoCloseable {

	static {
		// headers and body go out in separate writes: without this, Nagle's algorithm and
		// delayed ACKs cost about 40 ms a request
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final boolean guarded;

	private final int requestLimit;

	private final AtomicInteger requests = new AtomicInteger();

	volatile String lastBody;

	FakeServer(boolean guarded, int requestLimit) throws IOException {
		this.guarded = guarded;
		this.requestLimit = requestLimit;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/chat", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readAllBytes();
			String body = new String(bytes, StandardCharsets.UTF_8);
			this.lastBody = body;
			if (!"k3y".equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
				send(exchange, 401, "application/problem+json", "{\"code\":\"UNAUTHENTICATED\"}");
				return;
			}
			if (this.requests.incrementAndGet() > this.requestLimit) {
				send(exchange, 429, "application/problem+json", "{\"code\":\"RATE_LIMITED\"}");
				return;
			}
			String message = message(body);
			if (message == null) {
				send(exchange, 400, "application/problem+json", "{\"code\":\"INVALID_REQUEST\"}");
				return;
			}
			if (this.guarded && (bytes.length > 8_000 || !ascii(message) || message.toLowerCase().contains("instruc")
					|| message.toLowerCase().contains("prompt"))) {
				send(exchange, 400, "application/problem+json",
						"{\"code\":\"AI_INPUT_BLOCKED\",\"reasons\":[\"FAKE_GUARD\"]}");
				return;
			}
			String answer = NaiveModel.answer(message);
			if (this.guarded) {
				answer = "[guarded] " + answer.length() + " characters withheld";
			}
			send(exchange, 200, "application/json", "{\"reply\":" + RequestBodies.jsonString(answer) + "}");
		}
	}

	/** The message of a {"message":"..."} body with the kit's escapes, or null. */
	private static String message(String body) {
		String prefix = "{\"message\":\"";
		if (!body.startsWith(prefix) || !body.endsWith("\"}")) {
			return null;
		}
		String literal = body.substring(prefix.length(), body.length() - 2);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\\' && i + 1 < literal.length()) {
				char next = literal.charAt(++i);
				switch (next) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'u' -> {
						out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> out.append(next);
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c > 0x7e || (c < 0x20 && c != '\n')) {
				return false;
			}
		}
		return true;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
