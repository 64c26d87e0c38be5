package dev.aisecurity.guard.indirect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.injection.PromptInjectionClassifier;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.text.Confusables;

/**
 * Judges a prompt against the conversation's system prompt
 * ({@link ScanContext#systemPrompt()}), for {@link PromptInjectionScanner} to fuse with
 * its own signals: attacks that look harmless alone and are attacks only given what the
 * system prompt protects.
 * <ul>
 * <li>What the system prompt guards: the content words of its prohibitions ("never reveal
 * the password", "do not discuss pricing") and the strings it quotes (a secret, an access
 * phrase). A prompt that asks for a guarded word, or names a quoted string, scores high:
 * the user wants what the model was told to keep.</li>
 * <li>Extraction: a prompt that repeats six or more consecutive words of the system
 * prompt (continuing or "completing" it) or asks about "your instructions" where the
 * system prompt holds secrets.</li>
 * <li>Contradiction: a prompt that asks the model to switch the role or rules the system
 * prompt set ("you are now", "new rules", "ignore") scores higher when the system prompt
 * restricts the model.</li>
 * </ul>
 * Abstains (empty) without a system prompt. Linear in both texts; never keeps them.
 */
public final class SystemPromptContextClassifier implements PromptInjectionClassifier {

	private static final Set<String> PROHIBITIONS = Set.of("never", "not", "don't", "dont", "mustn't", "cannot",
			"can't", "refuse", "forbidden", "prohibited", "secret", "confidential", "only", "under", "no", "nobody",
			"anyone", "private", "protect", "guard", "hide", "withhold");

	private static final Set<String> NEGATIONS = Set.of("never", "not", "don't", "dont", "mustn't", "cannot", "can't",
			"no", "nor", "refuse", "avoid");

	private static final Set<String> PROTECT_VERBS = Set.of("reveal", "share", "disclose", "tell", "discuss", "mention",
			"give", "output", "print", "repeat", "provide", "talk", "leak", "expose", "say", "divulge", "confirm",
			"write", "spell", "hint", "translate", "explain");

	private static final Set<String> SECRET_NOUNS = Set.of("password", "passcode", "passphrase", "secret", "pin",
			"token", "code", "key", "codeword", "phrase");

	private static final Set<String> OBJECT_ENDS = Set.of("to", "with", "for", "unless", "under", "even", "if", "when",
			"whatever", "regardless", "in", "from", "except");

	private static final Set<String> REQUEST_VERBS = Set.of("tell", "give", "reveal", "say", "spell", "print", "share",
			"show", "write", "repeat", "output", "hint", "hints", "letters", "letter", "translate", "encode", "reverse",
			"what", "what's", "whats", "provide", "list", "describe", "disclose", "leak", "display", "type", "recite",
			"read", "dump", "format", "convert", "rhyme", "poem", "story", "acrostic", "characters", "first", "last",
			"password", "code", "key", "secret", "explain", "summarize", "summarise", "paraphrase", "respond", "reply");

	private static final Set<String> SELF_WORDS = Set.of("instructions", "instruction", "prompt", "rules", "rule",
			"guidelines", "directives", "above", "initial", "system", "configuration", "programming", "context",
			"pre-prompt", "preprompt", "message", "text");

	private static final Set<String> SWITCH_WORDS = Set.of("now", "new", "instead", "ignore", "forget", "disregard",
			"override", "pretend", "roleplay", "act", "become", "mode", "unrestricted", "jailbreak", "dan", "bypass");

	private static final Set<String> STOPWORDS = Set.of("the", "and", "you", "your", "are", "for", "with", "that",
			"this", "not", "never", "any", "anyone", "under", "circumstances", "must", "should", "will", "can", "only",
			"about", "from", "have", "has", "what", "when", "they", "them", "their", "there", "these", "those", "into",
			"answer", "answers", "user", "users", "questions", "question", "help", "helpful", "assistant", "reveal",
			"tell", "give", "share", "say", "provide", "discuss", "talk", "respond", "reply", "even", "also", "other",
			"others", "asked", "ask", "asks", "nobody", "don't", "dont", "cannot", "can't", "refuse", "always", "keep",
			"secret", "confidential", "private", "information", "instructions", "prompt", "system", "rules", "very",
			"more", "less", "than", "then", "else", "which", "while", "where", "who", "whom", "whose", "why", "how",
			"does", "did", "doing", "been", "being", "were", "was", "is", "it", "its", "it's", "of", "to", "in", "on",
			"at", "by", "or", "be", "as", "an", "a", "if", "no", "so", "do", "we", "our", "us", "me", "my", "i");

	/** Consecutive words of the system prompt that count as quoting it. */
	private static final int QUOTED_RUN = 6;

	@Override
	public OptionalDouble score(GuardText text, ScanContext context) {
		String system = (context != null) ? context.systemPrompt() : null;
		if (system == null || system.isBlank()) {
			return OptionalDouble.empty();
		}
		String systemFolded = Confusables.fold(system);
		List<String> systemWords = words(systemFolded);
		List<String> promptWords = words(text.normalized());
		if (promptWords.isEmpty()) {
			return OptionalDouble.of(0);
		}
		Set<String> guarded = guardedWords(systemFolded);
		List<String> quoted = quotedStrings(systemFolded);
		boolean restrictive = !guarded.isEmpty() || !quoted.isEmpty();
		Set<String> prompt = new HashSet<>(promptWords);
		double score = 0;
		String normalized = text.normalized();
		for (String value : quoted) {
			if (value.length() >= 4 && normalized.contains(value)) {
				// naming the guarded string: asking the model to say it, or trying it
				score = Math.max(score, 0.7);
			}
		}
		boolean asks = intersects(prompt, REQUEST_VERBS) || normalized.indexOf('?') >= 0;
		int guardedHits = 0;
		for (String word : prompt) {
			if (guarded.contains(word)) {
				guardedHits++;
			}
		}
		if (guardedHits > 0 && asks) {
			score = Math.max(score, (guardedHits > 1) ? 0.65 : 0.55);
		}
		if (restrictive && intersects(prompt, SELF_WORDS) && asks) {
			score = Math.max(score, 0.5);
		}
		if (quotesSystemPrompt(systemWords, promptWords)) {
			score = Math.max(score, 0.6);
		}
		if (restrictive && intersects(prompt, SWITCH_WORDS)) {
			score = Math.max(score, 0.35);
		}
		return OptionalDouble.of(score);
	}

	private static boolean intersects(Set<String> words, Set<String> set) {
		for (String word : words) {
			if (set.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What the system prompt guards: the content words a prohibition applies to ("never
	 * reveal the discount code to customers" guards "discount" and "code"), and the
	 * content words of sentences that state a secret ("the password is tulip").
	 */
	static Set<String> guardedWords(String system) {
		Set<String> guarded = new HashSet<>();
		int start = 0;
		for (int i = 0; i <= system.length(); i++) {
			char c = (i < system.length()) ? system.charAt(i) : '.';
			if (c == '.' || c == '!' || c == '\n' || c == ';' || c == '?') {
				List<String> sentence = words(system.substring(start, i));
				collectGuarded(sentence, guarded);
				start = i + 1;
			}
		}
		return guarded;
	}

	private static void collectGuarded(List<String> sentence, Set<String> guarded) {
		boolean statesSecret = false;
		for (String word : sentence) {
			statesSecret |= SECRET_NOUNS.contains(word);
		}
		if (statesSecret) {
			for (String word : sentence) {
				if (isContent(word)) {
					guarded.add(word);
				}
			}
		}
		for (int i = 0; i < sentence.size(); i++) {
			if (!NEGATIONS.contains(sentence.get(i))) {
				continue;
			}
			for (int j = i + 1; j < Math.min(sentence.size(), i + 4); j++) {
				if (PROTECT_VERBS.contains(sentence.get(j))) {
					for (int k = j + 1; k < sentence.size() && !OBJECT_ENDS.contains(sentence.get(k)); k++) {
						if (isContent(sentence.get(k))) {
							guarded.add(sentence.get(k));
						}
					}
					break;
				}
			}
		}
	}

	private static boolean isContent(String word) {
		return word.length() >= 4 && !STOPWORDS.contains(word) && !PROHIBITIONS.contains(word);
	}

	/** Strings the system prompt quotes, lower case, 4 to 64 characters. */
	static List<String> quotedStrings(String system) {
		List<String> quoted = new ArrayList<>();
		int open = -1;
		char quote = 0;
		for (int i = 0; i < system.length(); i++) {
			char c = system.charAt(i);
			boolean isQuote = c == '"' || c == '\'' || c == '\u201c' || c == '\u201d' || c == '`';
			if (!isQuote) {
				continue;
			}
			if (c == '\'' && i > 0 && i + 1 < system.length() && Character.isLetter(system.charAt(i - 1))
					&& Character.isLetter(system.charAt(i + 1))) {
				continue; // an apostrophe
			}
			if (open < 0) {
				open = i;
				quote = c;
			}
			else if (c == quote || (quote == '\u201c' && c == '\u201d')) {
				String value = system.substring(open + 1, i).strip();
				if (value.length() >= 4 && value.length() <= 64) {
					quoted.add(value);
				}
				open = -1;
			}
		}
		return quoted;
	}

	private static boolean quotesSystemPrompt(List<String> system, List<String> prompt) {
		if (system.size() < QUOTED_RUN || prompt.size() < QUOTED_RUN) {
			return false;
		}
		Set<String> shingles = new HashSet<>();
		for (int i = 0; i + QUOTED_RUN <= system.size(); i++) {
			shingles.add(String.join(" ", system.subList(i, i + QUOTED_RUN)));
		}
		for (int i = 0; i + QUOTED_RUN <= prompt.size(); i++) {
			if (shingles.contains(String.join(" ", prompt.subList(i, i + QUOTED_RUN)))) {
				return true;
			}
		}
		return false;
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
				if (word.length() < 40) {
					word.append(Character.toLowerCase(c));
				}
			}
			else if (word.length() > 0) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		return words;
	}

}
