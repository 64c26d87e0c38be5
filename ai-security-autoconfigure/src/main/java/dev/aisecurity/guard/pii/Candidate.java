package dev.aisecurity.guard.pii;

/**
 * A run of consecutive tokens joined by single separator characters, as a token-based
 * recogniser sees it: the compact value (tokens without separators), the group lengths
 * and the separators between them.
 *
 * @param start start index in the text
 * @param end end index in the text, exclusive
 * @param compact the tokens concatenated, without separators
 * @param groupLengths the length of each token
 * @param separators the separator characters between tokens, one per gap
 */
public record Candidate(int start, int end, String compact, int[] groupLengths, String separators) {

	/**
	 * Number of tokens.
	 */
	public int groups() {
		return this.groupLengths.length;
	}

	/**
	 * Whether every gap uses the same separator (trivially true for a single token).
	 */
	public boolean uniformSeparator() {
		for (int i = 1; i < this.separators.length(); i++) {
			if (this.separators.charAt(i) != this.separators.charAt(0)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the group lengths equal the given ones.
	 */
	public boolean hasGroups(int... lengths) {
		return java.util.Arrays.equals(this.groupLengths, lengths);
	}

	/**
	 * Whether the compact value consists of ASCII digits only.
	 */
	public boolean digitsOnly() {
		return Checksums.isDigits(this.compact);
	}

	@Override
	public String toString() {
		// never the value
		return "Candidate[" + this.start + ", " + this.end + ")";
	}

}
