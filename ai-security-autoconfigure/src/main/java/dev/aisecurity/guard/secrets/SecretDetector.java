package dev.aisecurity.guard.secrets;

/**
 * A hand-written matcher for a {@link SecretRule} whose format a single pattern does not
 * describe well (assignments, headers, YAML documents). Called only when one of the
 * rule's keywords occurs in the text; must run in time linear in the text's length.
 */
@FunctionalInterface
public interface SecretDetector {

	/**
	 * Find secrets.
	 * @param text the text
	 * @param keywordHits start positions of the rule's keywords in the text, ascending
	 * @param hitCount how many entries of {@code keywordHits} are used
	 * @param sink receives each secret's span and score
	 */
	void detect(String text, int[] keywordHits, int hitCount, Sink sink);

	/**
	 * Receives matches.
	 */
	@FunctionalInterface
	interface Sink {

		void accept(int start, int end, double score);

	}

}
