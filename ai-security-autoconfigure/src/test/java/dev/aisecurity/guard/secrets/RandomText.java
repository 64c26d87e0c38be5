package dev.aisecurity.guard.secrets;

import java.util.Random;

/**
 * Random characters for generated test secrets: seeded by the caller, so runs repeat;
 * never a real credential.
 */
final class RandomText {

	static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private RandomText() {
	}

	/** {@code length} characters drawn from {@code alphabet}. */
	static String of(Random random, String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
