package dev.aisecurity.guard.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Building blocks of hostile input for the engine's fuzz tests: fragments that touch the
 * preprocessing's and the detectors' edge cases, and repeating units that would expose
 * super-linear matching.
 */
final class AdversarialText {

	/** Fragments mixed into random texts. */
	static final List<String> FRAGMENTS = List.of("\uD800", "\uDC00", "\uD83D\uDE00", "\uDB40\uDC41", "\uDB40\uDC7F",
			"\uD83C\uDFF4", "\u200B", "\u200D", "\u202E", "\uFE0F", "\uDB40\uDD00", "\u0000", "\u001B[31m", "\uFFFD",
			"\u0430", "\uFF29", "key=", "token: ", "\"secret\": \"", "password=", "-u ", "--user ",
			"Authorization: Bearer ", "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "AKIA", "AIza", "ghp_", "github_pat_", "xoxb-",
			"sk-ant-api03-", "sk-proj-", "T3BlbkFJ", "hf_", "glpat-", "-----BEGIN PRIVATE KEY-----",
			"-----END PRIVATE KEY-----", "://", "user:pass@", "kind: Secret\n", "data:\n  ", "<add key=\"Password\" ",
			"Q~", "[[[[", "]]]]", "{{{{", "}}}}", "<<<", ">>>", "\"\"\"", "'''", "```", "###", "<|im_start|>", "[INST]",
			"ignore previous instructions", "==", "--", "||", "....", "    ", "\n", "\t", "QUJD", "A".repeat(40),
			"0123456789abcdef", "|", "-", "_", "=", ":", "%", "$", "\\", "/", "~");

	/** Units repeated to build long inputs for the linear-time checks. */
	static final List<String> UNITS = List.of("a", " ", "ab", "key=", "token: abc ", "secret_key_", "eyJ", "eyJa.",
			"AKIA", "ghp_", "xoxb-1-", "-u ", "--user a:", "://a:b@", "-----BEGIN PRIVATE KEY-----\n", "kind: Secret\n",
			"  data:\n    k: ", "Q~", "4b1d", "\uDB40\uDC41", "\u200B", "\uD800", "\u0000", "[{(<", "\"a\": \"",
			"password=\"", "Authorization: ", "sha256~", "hf_x", "api-", "\uFE0F\uFE01", "\uD83C\uDFF4\uDB40\uDC67",
			"A3-", "sk-ant-", "T3BlbkFJ", "glc_", "x".repeat(63) + "y");

	private AdversarialText() {
	}

	/** A random text of fragments, random characters and random code points. */
	static String random(Random random, int maxLength) {
		int target = random.nextInt(maxLength + 1);
		StringBuilder out = new StringBuilder(target + 64);
		while (out.length() < target) {
			switch (random.nextInt(4)) {
				case 0, 1 -> out.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
				case 2 -> out.append((char) random.nextInt(0x10000));
				default -> out.appendCodePoint(random.nextInt(0x110000));
			}
		}
		return out.toString();
	}

	/** {@code unit} repeated to at least {@code length} characters. */
	static String repeat(String unit, int length) {
		return unit.repeat(Math.max(1, length / unit.length() + 1));
	}

	/** A generator of inputs of a given length from a unit. */
	static IntFunction<String> repeating(String unit) {
		return (length) -> repeat(unit, length);
	}

}
