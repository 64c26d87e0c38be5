package dev.aisecurity.guard.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of one prompt used to compare it with others, computed in one linear pass:
 * its word tokens (lower-cased, digits folded to one class) and a 64-bit SimHash of its
 * word shingles. The text itself is not kept.
 */
final class PromptShape {

	private static final int MAX_TOKENS = 256;

	final long[] tokens;

	final long simHash;

	private PromptShape(long[] tokens, long simHash) {
		this.tokens = tokens;
		this.simHash = simHash;
	}

	static PromptShape of(String text) {
		List<Long> hashes = new ArrayList<>();
		long hash = 0;
		boolean inToken = false;
		for (int i = 0; i < text.length() && hashes.size() < MAX_TOKENS; i++) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				char folded = Character.isDigit(c) ? '0' : Character.toLowerCase(c);
				hash = (inToken ? hash : 0xcbf29ce484222325L) ^ folded;
				hash *= 0x100000001b3L;
				inToken = true;
			}
			else if (inToken) {
				hashes.add(hash);
				inToken = false;
			}
		}
		if (inToken && hashes.size() < MAX_TOKENS) {
			hashes.add(hash);
		}
		long[] tokens = new long[hashes.size()];
		for (int i = 0; i < tokens.length; i++) {
			tokens[i] = hashes.get(i);
		}
		return new PromptShape(tokens, simHash(tokens));
	}

	private static long simHash(long[] tokens) {
		int[] weights = new int[64];
		for (int i = 0; i < tokens.length; i++) {
			long feature = mix(tokens[i] * 31 + ((i + 1 < tokens.length) ? tokens[i + 1] : 7));
			for (int bit = 0; bit < 64; bit++) {
				weights[bit] += (((feature >>> bit) & 1) != 0) ? 1 : -1;
			}
		}
		long result = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (weights[bit] > 0) {
				result |= 1L << bit;
			}
		}
		return result;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	/**
	 * Same template: same number of tokens (at least 3), most positions equal but not all
	 * (the slots vary).
	 */
	boolean sameTemplateAs(PromptShape other, double minShared) {
		if (this.tokens.length < 3 || this.tokens.length != other.tokens.length) {
			return false;
		}
		int equal = 0;
		for (int i = 0; i < this.tokens.length; i++) {
			if (this.tokens[i] == other.tokens[i]) {
				equal++;
			}
		}
		return equal >= minShared * this.tokens.length;
	}

	boolean nearDuplicateOf(PromptShape other, int maxHammingDistance) {
		return this.tokens.length > 0 && Long.bitCount(this.simHash ^ other.simHash) <= maxHammingDistance;
	}

}
