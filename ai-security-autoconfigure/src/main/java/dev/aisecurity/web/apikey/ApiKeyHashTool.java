package dev.aisecurity.web.apikey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A tiny command line tool for operators. {@code generate [prefix]} prints a new random
 * key (256 bits, URL-safe Base64) and its stored form; {@code hash} reads one key per
 * line from standard input (so the key never appears in the shell history or the process
 * list) and prints {@code sha256:<hex>}.
 *
 * <pre>
 * java -cp ai-security-autoconfigure.jar dev.aisecurity.web.apikey.ApiKeyHashTool generate ais_
 * printf %s "$KEY" | java -cp ai-security-autoconfigure.jar dev.aisecurity.web.apikey.ApiKeyHashTool hash
 * </pre>
 */
public final class ApiKeyHashTool {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeyHashTool() {
	}

	/**
	 * Generate a new high-entropy key.
	 * @param prefix a recognisable prefix (for secret scanners and the
	 * {@code Authorization: Bearer} form), may be empty
	 * @return the key
	 */
	public static String generateKey(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static void main(String[] args) throws IOException {
		String command = (args.length > 0) ? args[0] : "hash";
		if ("generate".equals(command)) {
			String key = generateKey((args.length > 1) ? args[1] : "");
			System.out.println("key:  " + key);
			System.out.println("hash: " + ApiKeyHash.of(key));
			return;
		}
		if (!"hash".equals(command)) {
			System.err.println("usage: ApiKeyHashTool generate [prefix] | hash  (keys on standard input)");
			System.exit(2);
		}
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			if (!line.isEmpty()) {
				System.out.println(ApiKeyHash.of(line));
			}
		}
	}

}
