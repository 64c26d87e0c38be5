package dev.aisecurity.guard.indirect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.Signal;

/**
 * Detects indirect prompt injection: instructions aimed at a model that arrive inside
 * data the model reads on a user's behalf (retrieved documents, e-mails, tables, code,
 * web pages, tool results) rather than from the user.
 * <p>
 * Documents are full of imperatives addressed to people ("please send the invoice"), so
 * single words decide nothing. The scanner reads the text sentence by sentence (table
 * cells, code comments and lines count as sentences) and scores combinations of the roles
 * words play there: an override of earlier instructions; an AI addressed by name ("AI
 * assistant:", "if you are a language model"); a request to hide something from the user;
 * a switch of role or format; dictation of "your response"; data sent to an address or
 * link; a tool call; a task only a model would be asked for (a poem, a translation into
 * French, text in base64) or harmful code, opening a sentence as an imperative. Text
 * hidden in markup (display:none, zero font size, HTML comments) raises the score of what
 * it hides. The signals of {@link PromptInjectionScanner} over the whole text are fused
 * in (without its adversarial-suffix signal, which code and tables would trip).
 * <p>
 * Findings about a sentence carry its span, so a {@link Action#SANITIZE SANITIZE} policy
 * removes the offending sentences; findings about the whole text block even then (a guard
 * that cannot locate an instruction must not let it through). Hand-written single pass:
 * linear in the text's length; never uses {@code java.util.regex}. Thread-safe.
 */
public final class IndirectInjectionScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "indirect-injection";

	/** Finding category. */
	public static final String CATEGORY = "indirect-injection";

	/** Default threshold. */
	public static final double DEFAULT_THRESHOLD = 0.5;

	/** What replaces a removed sentence under a SANITIZE policy. */
	public static final String REMOVED = "[instruction removed]";

	/** Code of the finding carrying a fused score above every single one. */
	public static final String COMBINED = "INDIRECT_COMBINED";

	/** Code of the finding for instructions hidden in markup. */
	public static final String HIDDEN_MARKUP = "INDIRECT_HIDDEN_MARKUP";

	/** Sentences scoring below this are not reported. */
	static final double REPORT_FLOOR = 0.2;

	/** Least score of a finding that corroborates another one across the text. */
	static final double CORROBORATING = 0.45;

	/** Longest sentence read at once, in words; longer runs are read in parts. */
	private static final int MAX_SENTENCE_WORDS = 96;

	/** Longest word kept, in characters; longer tokens are skipped. */
	private static final int MAX_WORD = 40;

	private static final Set<Signal> COMPOSED_SIGNALS = Set.of(Signal.INSTRUCTION_OVERRIDE, Signal.ROLE_SPOOFING,
			Signal.JAILBREAK_PERSONA, Signal.SYSTEM_PROMPT_EXTRACTION, Signal.GOAL_HIJACKING, Signal.ENCODED_PAYLOAD,
			Signal.HIDDEN_TEXT_INJECTION, Signal.CLASSIFIER);

	private static final String[] HIDING_MARKUP = { "display:none", "display: none", "font-size:0", "font-size: 0",
			"visibility:hidden", "visibility: hidden", "color:white", "color: white", "color:#fff", "color: #fff",
			"opacity:0", "opacity: 0", "<!--", "font-size:1px", "font-size: 1px", "height:0", "height: 0",
			"aria-hidden" };

	private static final String[] TEMPLATE_MARKERS = { "<|im_start|>", "<|im_end|>", "<|system|>", "<|user|>",
			"<|assistant|>", "[system]", "[inst]", "[/inst]", "<<sys>>", "### instruction", "### system",
			"### new instruction", "</system>", "<system>", "<instructions>", "</instructions>", "begin system" };

	private final PromptInjectionScanner prompts;

	private final double threshold;

	/**
	 * A scanner with the default threshold that fuses the default prompt-injection
	 * signals.
	 */
	public IndirectInjectionScanner() {
		this(new PromptInjectionScanner(), DEFAULT_THRESHOLD);
	}

	/**
	 * @param prompts the prompt-injection scanner whose signals are fused in, or
	 * {@code null} for none
	 * @param threshold the default policy's threshold
	 */
	public IndirectInjectionScanner(PromptInjectionScanner prompts, double threshold) {
		if (threshold < 0 || threshold > 1 || Double.isNaN(threshold)) {
			throw new IllegalArgumentException("threshold must be within [0, 1]");
		}
		this.prompts = prompts;
		this.threshold = threshold;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(this.threshold);
	}

	/**
	 * Whole-text findings block even under a SANITIZE policy: there is no span to remove.
	 */
	@Override
	public Action action(Finding finding, ScannerPolicy policy) {
		if (policy.action() == Action.SANITIZE && !finding.hasSpan()) {
			return Action.BLOCK;
		}
		return policy.action();
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		String sanitized = text.sanitized();
		List<Finding> findings = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		double best = 0;
		SentenceReader reader = new SentenceReader(sanitized);
		Sentence previous = null;
		double sentenceBest = 0;
		boolean overrideRead = false;
		while (reader.next()) {
			Sentence sentence = reader.sentence();
			Map<Cue, Double> cues = sentence.cues(previous);
			previous = sentence;
			if (cues.isEmpty()) {
				continue;
			}
			double score = PromptInjectionScanner.fuse(cues.values());
			if (score < REPORT_FLOOR) {
				continue;
			}
			overrideRead |= cues.containsKey(Cue.OVERRIDE);
			Cue strongest = strongest(cues);
			findings
				.add(Finding.span(ID, CATEGORY, strongest.code(), round(score), sentence.start, sentence.end, REMOVED));
			scores.add(score);
			sentenceBest = Math.max(sentenceBest, score);
			best = Math.max(best, score);
		}
		String lower = lowerAscii(sanitized, 1 << 20);
		if (hasTemplateMarker(lower)) {
			findings.add(Finding.of(ID, CATEGORY, Cue.ROLE_SWITCH.code(), 0.7));
			scores.add(0.7);
			best = Math.max(best, 0.7);
		}
		if (sentenceBest >= REPORT_FLOOR && hidesMarkup(lower)) {
			double hidden = Math.max(0.75, sentenceBest);
			findings.add(Finding.of(ID, CATEGORY, HIDDEN_MARKUP, round(hidden)));
			scores.add(hidden);
			best = Math.max(best, hidden);
		}
		if (this.prompts != null) {
			for (Map.Entry<Signal, Double> entry : this.prompts.score(text, context).entrySet()) {
				if (!COMPOSED_SIGNALS.contains(entry.getKey())
						|| (overrideRead && entry.getKey() == Signal.INSTRUCTION_OVERRIDE)) {
					// the sentence rules read that override with its owner ("my earlier
					// instructions"): they decide
					continue;
				}
				double score = entry.getValue() * documentWeight(entry.getKey());
				if (score >= REPORT_FLOOR) {
					findings.add(Finding.of(ID, CATEGORY, "INDIRECT_" + entry.getKey().code(), round(score)));
					scores.add(score);
					best = Math.max(best, score);
				}
			}
		}
		// weak hints in separate sentences of a long document do not add up
		double fused = PromptInjectionScanner.fuse(scores.stream().filter((score) -> score >= CORROBORATING).toList());
		if (fused > best + 1e-9 && fused >= REPORT_FLOOR) {
			findings.add(Finding.of(ID, CATEGORY, COMBINED, round(fused)));
		}
		return findings;
	}

	/**
	 * The fused score of a text, from 0 to 1: what the default policy compares with its
	 * threshold.
	 */
	public double score(GuardText text, ScanContext context) {
		double best = 0;
		for (Finding finding : scan(text, context)) {
			best = Math.max(best, finding.score());
		}
		return best;
	}

	/**
	 * How much a prompt-injection signal counts in a document. Its phrase rules were
	 * written for prompts, where "disregard the earlier instructions" is an attack; in
	 * e-mails people say so to correct themselves, and tables and code carry separators
	 * that look like chat structure. Such signals corroborate; hidden and encoded text
	 * and a classifier's score count in full.
	 */
	private static double documentWeight(Signal signal) {
		return switch (signal) {
			case HIDDEN_TEXT_INJECTION, ENCODED_PAYLOAD, CLASSIFIER -> 1.0;
			case ROLE_SPOOFING -> 0.6;
			default -> 0.5;
		};
	}

	private static Cue strongest(Map<Cue, Double> cues) {
		Cue strongest = null;
		double best = -1;
		for (Map.Entry<Cue, Double> entry : cues.entrySet()) {
			if (entry.getValue() > best) {
				best = entry.getValue();
				strongest = entry.getKey();
			}
		}
		return strongest;
	}

	private static boolean hasTemplateMarker(String lower) {
		for (String marker : TEMPLATE_MARKERS) {
			if (lower.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hidesMarkup(String lower) {
		for (String marker : HIDING_MARKUP) {
			if (lower.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	static String lowerAscii(String text, int limit) {
		int length = Math.min(text.length(), limit);
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = Character.toLowerCase(text.charAt(i));
		}
		return new String(chars);
	}

	private static double round(double score) {
		return Math.min(1, Math.max(0, Math.round(score * 1000) / 1000.0));
	}

	/**
	 * The evidence a sentence can carry; each name, prefixed, is a finding code.
	 */
	enum Cue {

		/** Earlier instructions set aside. */
		OVERRIDE,
		/** An AI addressed by name, followed by an instruction. */
		AI_ADDRESSED,
		/** The instruction hides itself from the user. */
		CONCEALMENT,
		/** A new role, mode or set of instructions; chat-template markers. */
		ROLE_SWITCH,
		/** The model's response dictated. */
		RESPONSE_DIRECTIVE,
		/** Sensitive data sent to an address, link or image. */
		EXFILTRATION,
		/** A tool or function call requested. */
		TOOL_INVOCATION,
		/** A task only a model would be handed, as an imperative. */
		MODEL_TASK,
		/** Harmful code requested. */
		HARMFUL_CODE,
		/** "When you summarise this document..." */
		PROCESSING_CONDITION;

		String code() {
			return "INDIRECT_" + name();
		}

	}

	/**
	 * One sentence: its span and its words, lower case.
	 */
	static final class Sentence {

		final int start;

		final int end;

		final String[] words;

		/** The character right after each word ({@code 0} at the end). */
		final char[] after;

		final String lower;

		final boolean lineStart;

		private int head = Integer.MIN_VALUE;

		Sentence(int start, int end, List<String> words, List<Character> after, String lower, boolean lineStart) {
			this.start = start;
			this.end = end;
			this.words = words.toArray(new String[0]);
			this.after = new char[after.size()];
			for (int i = 0; i < this.after.length; i++) {
				this.after[i] = after.get(i);
			}
			this.lower = lower;
			this.lineStart = lineStart;
		}

		boolean has(Set<String> set) {
			return indexOf(set, 0, this.words.length) >= 0;
		}

		int count(Set<String> set) {
			int count = 0;
			for (String word : this.words) {
				if (set.contains(word)) {
					count++;
				}
			}
			return count;
		}

		int indexOf(Set<String> set, int from, int to) {
			for (int i = Math.max(0, from); i < Math.min(to, this.words.length); i++) {
				if (set.contains(this.words[i])) {
					return i;
				}
			}
			return -1;
		}

		boolean word(int i, String value) {
			return i >= 0 && i < this.words.length && this.words[i].equals(value);
		}

		boolean phrase(String... values) {
			outer: for (int i = 0; i + values.length <= this.words.length; i++) {
				for (int j = 0; j < values.length; j++) {
					if (!this.words[i + j].equals(values[j])) {
						continue outer;
					}
				}
				return true;
			}
			return false;
		}

		/**
		 * Position of the first word that is not a filler or a vocative, or -1.
		 */
		int head() {
			if (this.head == Integer.MIN_VALUE) {
				this.head = findHead();
			}
			return this.head;
		}

		private int findHead() {
			int i = 0;
			while (i < this.words.length) {
				String word = this.words[i];
				if (InstructionCues.IMPERATIVE_FILLERS.contains(word)) {
					i++;
					continue;
				}
				if (isVocative(i)) {
					i++;
					continue;
				}
				return i;
			}
			return -1;
		}

		/** An AI noun closing a vocative: "Assistant:", "AI model,", "Dear LLM,". */
		boolean isVocative(int i) {
			if (!InstructionCues.AI_NOUNS.contains(this.words[i]) && !"dear".equals(this.words[i])
					&& !"to".equals(this.words[i]) && !"the".equals(this.words[i])) {
				return false;
			}
			for (int j = i; j < Math.min(this.words.length, i + 4); j++) {
				if (InstructionCues.AI_NOUNS.contains(this.words[j])
						&& (this.after[j] == ':' || this.after[j] == ',')) {
					return j < 4;
				}
			}
			return false;
		}

		boolean imperative(Set<String> verbs) {
			int head = head();
			return head >= 0 && verbs.contains(this.words[head]);
		}

		/**
		 * Whether an imperative verb from the set opens the sentence or one of its
		 * clauses (after a comma or colon).
		 */
		boolean clauseImperative(Set<String> verbs) {
			if (imperative(verbs)) {
				return true;
			}
			for (int i = 1; i < this.words.length; i++) {
				char before = this.after[i - 1];
				if ((before == ',' || before == ':') && verbs.contains(this.words[i])) {
					return true;
				}
			}
			return false;
		}

		/**
		 * "If you are an AI", "as a language model": addressing whoever reads as a model.
		 */
		boolean conditionalAi() {
			return phrase("you", "are", "an", "ai") || phrase("you're", "an", "ai") || phrase("are", "a", "language")
					|| phrase("you", "are", "an", "llm") || phrase("you", "are", "a", "chatbot")
					|| phrase("you", "are", "an", "assistant") || phrase("you", "are", "a", "bot")
					|| phrase("as", "an", "ai") || phrase("any", "ai") || phrase("all", "ai");
		}

		/**
		 * Whether an AI is addressed before the sentence's verb: a vocative
		 * ("Assistant:", "Dear AI model,"), or an AI noun as the subject of what follows
		 * ("The AI must now..."), or a conditional address.
		 */
		boolean addressesAiDirectly() {
			if (conditionalAi()) {
				return true;
			}
			int address = aiIndex();
			int head = head();
			return address >= 0 && (head < 0 || address <= head || clauseVocative(address));
		}

		/**
		 * An AI named: "AI assistant", "language model", an unambiguous AI name, or a
		 * vocative.
		 */
		boolean addressesAi() {
			return aiIndex() >= 0 || conditionalAi();
		}

		/**
		 * An AI noun opening a clause and closed by a comma or colon: "..., assistant:
		 * do".
		 */
		private boolean clauseVocative(int i) {
			return i > 0 && (this.after[i] == ',' || this.after[i] == ':')
					&& (this.after[i - 1] == ',' || this.after[i - 1] == ':'
							|| (i > 1 && InstructionCues.AI_QUALIFIERS.contains(this.words[i - 1])
									&& (this.after[i - 2] == ',' || this.after[i - 2] == ':')));
		}

		private int aiIndex() {
			for (int i = 0; i < this.words.length; i++) {
				String word = this.words[i];
				if (!InstructionCues.AI_NOUNS.contains(word)) {
					continue;
				}
				if (InstructionCues.UNAMBIGUOUS_AI_NOUNS.contains(word)) {
					return i;
				}
				if ((i < 4 && isVocative(i)) || clauseVocative(i)) {
					return i;
				}
				if (i > 0 && InstructionCues.AI_QUALIFIERS.contains(this.words[i - 1]) && !"ai".equals(word)) {
					return i - 1;
				}
				if ("ai".equals(word) && (i + 1 < this.words.length)
						&& InstructionCues.AI_NOUNS.contains(this.words[i + 1])) {
					return i;
				}
				if ("ai".equals(word) && i >= 1 && (word(i - 1, "the") || word(i - 1, "dear") || word(i - 1, "hey"))) {
					return i;
				}
			}
			for (int i = 0; i + 1 < this.words.length; i++) {
				if (this.words[i].equals("language") && this.words[i + 1].equals("model")) {
					return i;
				}
			}
			return -1;
		}

		Map<Cue, Double> cues(Sentence previous) {
			Map<Cue, Double> cues = new EnumMap<>(Cue.class);
			if (this.words.length == 0) {
				return cues;
			}
			boolean addressed = addressesAiDirectly();
			boolean named = addressed || addressesAi();
			boolean secondPerson = has(InstructionCues.SECOND_PERSON);
			boolean imperative = imperative(InstructionCues.TASK_VERBS);
			boolean clauseImperative = clauseImperative(InstructionCues.TASK_VERBS);
			boolean previousAddressed = previous != null && previous.words.length <= 8
					&& previous.addressesAiDirectly();
			override(cues, addressed);
			conceal(cues);
			roleSwitch(cues, secondPerson);
			endOfDataMarker(cues);
			responseDirective(cues, imperative, secondPerson);
			exfiltration(cues, imperative || addressed);
			tools(cues, imperative, addressed);
			modelTask(cues, clauseImperative);
			replaceTask(cues);
			harmfulCode(cues);
			processingCondition(cues, clauseImperative);
			if ((addressed || previousAddressed) && (clauseImperative || secondPerson)) {
				put(cues, Cue.AI_ADDRESSED, clauseImperative ? 0.8 : 0.55);
			}
			else if (named) {
				put(cues, Cue.AI_ADDRESSED, (secondPerson || addressed) ? 0.4 : 0.3);
			}
			return cues;
		}

		private void override(Map<Cue, Double> cues, boolean addressed) {
			for (int i = 0; i < this.words.length; i++) {
				if (!InstructionCues.OVERRIDE_VERBS.contains(this.words[i])) {
					continue;
				}
				int noun = indexOf(InstructionCues.DIRECTIVE_NOUNS, i + 1, i + 7);
				if (noun > 0) {
					boolean owned = false;
					boolean prior = noun == i + 1;
					for (int j = i + 1; j < noun; j++) {
						String word = this.words[j];
						owned |= word.equals("my") || word.equals("our") || word.equals("his") || word.equals("her")
								|| word.equals("their");
						prior |= InstructionCues.PRIOR_WORDS.contains(word);
					}
					if (prior) {
						// "disregard my earlier instructions" is how people correct an
						// e-mail; "ignore all previous instructions" is not
						put(cues, Cue.OVERRIDE, (owned && !addressed) ? 0.3 : 0.85);
						return;
					}
				}
				int everything = indexOf(Lists.EVERYTHING, i + 1, i + 3);
				if (everything > 0 && indexOf(Lists.BEFORE_WORDS, everything + 1, everything + 4) > 0) {
					put(cues, Cue.OVERRIDE, 0.8);
					return;
				}
			}
		}

		private void conceal(Map<Cue, Double> cues) {
			for (int i = 0; i < this.words.length; i++) {
				String word = this.words[i];
				boolean negation = word.equals("not") || word.equals("don't") || word.equals("dont")
						|| word.equals("never") || word.equals("without") || word.equals("no");
				if (!negation) {
					continue;
				}
				int tell = indexOf(InstructionCues.TELL_VERBS, i + 1, i + 4);
				if (tell > 0 && indexOf(InstructionCues.OBSERVERS, tell + 1, tell + 5) > 0) {
					put(cues, Cue.CONCEALMENT, 0.75);
					return;
				}
				if (tell > 0 && indexOf(InstructionCues.SELF_REFERENCE, tell + 1, tell + 4) > 0
						&& indexOf(Lists.THIS_THESE, tell + 1, tell + 3) > 0) {
					put(cues, Cue.CONCEALMENT, 0.65);
					return;
				}
			}
			if (has(InstructionCues.SECRECY) && (phrase("this", "instruction") || phrase("these", "instructions")
					|| (has(InstructionCues.OBSERVERS) && has(InstructionCues.SECOND_PERSON)))) {
				put(cues, Cue.CONCEALMENT, 0.6);
			}
		}

		private void roleSwitch(Map<Cue, Double> cues, boolean secondPerson) {
			if (phrase("you", "are", "now") || phrase("from", "now", "on") && secondPerson
					|| phrase("you", "will", "now") || phrase("you", "must", "now")) {
				put(cues, Cue.ROLE_SWITCH, 0.7);
			}
			if (phrase("new", "instructions") || phrase("updated", "instructions") || phrase("new", "instruction")
					|| phrase("real", "instructions") || phrase("actual", "instructions")
					|| phrase("new", "system", "prompt") || phrase("developer", "mode") || phrase("admin", "mode")
					|| phrase("god", "mode") || phrase("system", "override")) {
				put(cues, Cue.ROLE_SWITCH, 0.7);
			}
			for (int i = 0; i + 1 < this.words.length; i++) {
				if (this.words[i].equals("your") && (this.words[i + 1].equals("new") || this.words[i + 1].equals("real")
						|| this.words[i + 1].equals("true")) && indexOf(Lists.ROLE_NOUNS, i + 2, i + 4) > 0) {
					put(cues, Cue.ROLE_SWITCH, 0.75);
				}
			}
			if (phrase("act", "as") || phrase("pretend", "to", "be") || phrase("pretend", "you")
					|| phrase("roleplay", "as") || phrase("role", "play", "as")) {
				put(cues, Cue.ROLE_SWITCH, 0.35);
			}
			if (this.lineStart && this.words.length > 1 && this.after[0] == ':'
					&& (this.words[0].equals("system") || this.words[0].equals("assistant")
							|| this.words[0].equals("instruction") || this.words[0].equals("instructions"))) {
				put(cues, Cue.ROLE_SWITCH, 0.6);
			}
		}

		private void endOfDataMarker(Map<Cue, Double> cues) {
			if (phrase("end", "of", "document") || phrase("end", "of", "context") || phrase("end", "of", "email")
					|| phrase("end", "of", "data") || phrase("end", "of", "input")) {
				put(cues, Cue.ROLE_SWITCH, 0.3);
			}
		}

		private void responseDirective(Map<Cue, Double> cues, boolean imperative, boolean secondPerson) {
			for (int i = 0; i + 1 < this.words.length; i++) {
				if (!this.words[i].equals("your") && !this.words[i].equals("each") && !this.words[i].equals("every")
						&& !this.words[i].equals("all")) {
					continue;
				}
				int noun = indexOf(InstructionCues.OUTPUT_NOUNS, i + 1, i + 3);
				if (noun < 0) {
					continue;
				}
				boolean directive = imperative || has(Lists.MODALS) || word(i - 1, "in") || word(i - 1, "of")
						|| word(i - 1, "to") || word(i - 1, "into") || word(i - 1, "with") || word(i - 1, "start")
						|| word(i - 1, "begin") || word(i - 1, "end");
				boolean thanks = has(Lists.THANKS);
				if (directive && !thanks) {
					put(cues, Cue.RESPONSE_DIRECTIVE, (this.words[i].equals("your") || secondPerson) ? 0.7 : 0.5);
					return;
				}
			}
			int head = head();
			if (head >= 0 && (this.words[head].equals("respond") || this.words[head].equals("reply")
					|| this.words[head].equals("answer") || this.words[head].equals("output")
					|| this.words[head].equals("print") || this.words[head].equals("say"))) {
				int next = head + 1;
				if (word(next, "only") || word(next, "with") || word(next, "in") || word(next, "exactly")
						|| word(next, "solely") || word(next, "that") || word(next, "the") && word(next + 1, "word")) {
					put(cues, Cue.RESPONSE_DIRECTIVE, 0.5);
				}
			}
		}

		private void exfiltration(Map<Cue, Double> cues, boolean directed) {
			boolean markdownImage = this.lower.contains("![") && this.lower.contains("](http")
					&& (this.lower.contains("?") || this.lower.contains("{"));
			boolean placeholder = this.lower.contains("{") || this.lower.contains("[insert")
					|| this.lower.contains("<insert") || this.lower.contains("$") || this.lower.contains("%s");
			if (markdownImage && placeholder) {
				put(cues, Cue.EXFILTRATION, 0.8);
			}
			if (!has(InstructionCues.EXFIL_VERBS)) {
				return;
			}
			boolean data = has(InstructionCues.SENSITIVE_DATA);
			boolean destination = this.lower.contains("http") || this.lower.contains("www.") || this.lower.contains("@")
					|| has(Lists.DESTINATIONS);
			if (data && destination) {
				put(cues, Cue.EXFILTRATION, directed ? 0.75 : 0.45);
			}
			else if (data && directed && has(Lists.WHOLE)) {
				put(cues, Cue.EXFILTRATION, 0.45);
			}
		}

		private void tools(Map<Cue, Double> cues, boolean imperative, boolean addressed) {
			if (has(Lists.TOOL_CALL_TOKENS)) {
				put(cues, Cue.TOOL_INVOCATION, 0.55);
			}
			for (int i = 0; i < this.words.length; i++) {
				if (!InstructionCues.TOOL_VERBS.contains(this.words[i])) {
					continue;
				}
				if (indexOf(InstructionCues.TOOL_NOUNS, i + 1, i + 5) > 0) {
					put(cues, Cue.TOOL_INVOCATION, addressed ? 0.75 : imperative ? 0.3 : 0.15);
					return;
				}
			}
		}

		private void modelTask(Map<Cue, Double> cues, boolean imperative) {
			if (!imperative) {
				return;
			}
			int objects = count(InstructionCues.MODEL_TASK_OBJECTS);
			int head = head();
			if (head >= 0 && InstructionCues.MODEL_TASK_OBJECTS.contains(this.words[head])) {
				// "reverse a linked list": the verb is not its own object
				objects--;
			}
			if (objects > 0) {
				put(cues, Cue.MODEL_TASK, (objects > 1) ? 0.65 : 0.55);
			}
			else if (has(InstructionCues.LANGUAGES)) {
				put(cues, Cue.MODEL_TASK, 0.35);
			}
		}

		/** "Instead of summarising these reviews, ...": the reader's task replaced. */
		private void replaceTask(Map<Cue, Double> cues) {
			for (int i = 0; i + 2 < this.words.length; i++) {
				if (this.words[i].equals("instead") && this.words[i + 1].equals("of")
						&& InstructionCues.PROCESSING_VERBS.contains(this.words[i + 2])) {
					put(cues, Cue.OVERRIDE, 0.6);
					return;
				}
			}
		}

		private void harmfulCode(Map<Cue, Double> cues) {
			if (!clauseImperative(InstructionCues.HARMFUL_CODE_VERBS)
					&& !clauseImperative(InstructionCues.TASK_VERBS)) {
				return;
			}
			int strong = count(InstructionCues.HARMFUL_CODE_OBJECTS);
			int weak = count(InstructionCues.WEAK_HARMFUL_CODE_OBJECTS);
			if (strong > 0 || weak >= 3) {
				put(cues, Cue.HARMFUL_CODE, 0.65);
			}
			else if (weak == 2) {
				put(cues, Cue.HARMFUL_CODE, 0.4);
			}
		}

		/**
		 * "When you summarise this e-mail, ...", "Before answering, ...": a condition on
		 * whoever processes the text, which an instruction in the next clause makes an
		 * address to a model.
		 */
		private void processingCondition(Map<Cue, Double> cues, boolean clauseImperative) {
			for (int i = 0; i + 1 < this.words.length; i++) {
				String word = this.words[i];
				if (!word.equals("when") && !word.equals("if") && !word.equals("while") && !word.equals("whenever")
						&& !word.equals("once") && !word.equals("before") && !word.equals("after")) {
					continue;
				}
				int you = indexOf(InstructionCues.SECOND_PERSON, i + 1, i + 3);
				int verb;
				if (you > 0) {
					verb = indexOf(InstructionCues.PROCESSING_VERBS, you + 1, you + 4);
				}
				else {
					boolean participle = InstructionCues.PROCESSING_VERBS.contains(this.words[i + 1])
							&& this.words[i + 1].endsWith("ing");
					verb = participle ? i + 1 : -1;
				}
				if (verb > 0) {
					boolean about = has(Lists.DOCUMENT_NOUNS);
					double score = about ? 0.4 : 0.25;
					if (clauseImperative && verb < this.words.length - 1) {
						score = 0.7;
					}
					put(cues, Cue.PROCESSING_CONDITION, score);
					return;
				}
			}
		}

		private static void put(Map<Cue, Double> cues, Cue cue, double score) {
			cues.merge(cue, score, Math::max);
		}

	}

	/** Word sets of the sentence rules, built once. */
	private static final class Lists {

		static final Set<String> EVERYTHING = Set.of("everything", "anything", "all", "whatever");

		static final Set<String> BEFORE_WORDS = Set.of("above", "before", "said", "told", "previously", "prior",
				"earlier", "so", "until", "else");

		static final Set<String> THIS_THESE = Set.of("this", "these");

		static final Set<String> ROLE_NOUNS = Set.of("role", "task", "instructions", "goal", "objective", "purpose",
				"job", "mission", "persona", "identity", "rules");

		static final Set<String> MODALS = Set.of("must", "should", "always", "only", "shall");

		static final Set<String> THANKS = Set.of("thanks", "thank", "appreciate", "forward", "awaiting", "await",
				"received", "waiting");

		static final Set<String> DESTINATIONS = Set.of("url", "link", "address", "endpoint", "server", "webhook",
				"domain", "image", "pixel", "query");

		static final Set<String> WHOLE = Set.of("previous", "above", "all", "entire", "full", "whole");

		static final Set<String> TOOL_CALL_TOKENS = Set.of("tool_call", "function_call", "tool_calls", "tool_use");

		static final Set<String> DOCUMENT_NOUNS = Set.of("this", "document", "email", "e-mail", "page", "text", "file",
				"table", "message", "content", "data", "code", "repository", "website", "question");

	}

	/**
	 * Splits a text into sentences: at sentence punctuation followed by a space, line
	 * breaks, semicolons, table cell separators and tabs; long runs in parts.
	 */
	static final class SentenceReader {

		private final String text;

		private int position;

		private Sentence sentence;

		SentenceReader(String text) {
			this.text = Objects.requireNonNull(text);
		}

		boolean next() {
			int length = this.text.length();
			// skip separators
			while (this.position < length && isBoundary(this.position)) {
				this.position++;
			}
			if (this.position >= length) {
				return false;
			}
			int start = this.position;
			boolean lineStart = start == 0 || this.text.charAt(start - 1) == '\n' || lineStartAfterSpaces(start);
			List<String> words = new ArrayList<>();
			List<Character> after = new ArrayList<>();
			StringBuilder word = new StringBuilder();
			int i = start;
			while (i < length && !isBoundary(i)) {
				char c = this.text.charAt(i);
				if (Character.isLetterOrDigit(c) || c == '_' || (c == '\'' && word.length() > 0)
						|| (c == '\u2019' && word.length() > 0)) {
					word.append((c == '\u2019') ? '\'' : Character.toLowerCase(c));
				}
				else if (word.length() > 0) {
					addWord(words, after, word, c);
					if (words.size() >= MAX_SENTENCE_WORDS) {
						i++;
						break;
					}
				}
				i++;
			}
			if (word.length() > 0) {
				addWord(words, after, word, (i < length) ? this.text.charAt(i) : 0);
			}
			this.position = i;
			this.sentence = new Sentence(start, i, words, after, lowerAscii(this.text.substring(start, i), 1 << 16),
					lineStart);
			return true;
		}

		private boolean lineStartAfterSpaces(int start) {
			int j = start - 1;
			while (j >= 0 && (this.text.charAt(j) == ' ' || this.text.charAt(j) == '\t')) {
				j--;
			}
			return j < 0 || this.text.charAt(j) == '\n';
		}

		private static void addWord(List<String> words, List<Character> after, StringBuilder word, char next) {
			if (word.length() <= MAX_WORD) {
				String value = word.toString();
				// strip a trailing apostrophe ("users'") and a possessive ("user's"
				// stays)
				if (value.endsWith("'")) {
					value = value.substring(0, value.length() - 1);
				}
				words.add(value);
				after.add(next);
			}
			word.setLength(0);
		}

		private boolean isBoundary(int i) {
			char c = this.text.charAt(i);
			if (c == '\n' || c == '\r' || c == ';' || c == '|' || c == '\t' || c == '\u2028' || c == '\u2029'
					|| c == '<' || c == '>') {
				return true;
			}
			if (c == '.' || c == '!' || c == '?') {
				return i + 1 >= this.text.length() || Character.isWhitespace(this.text.charAt(i + 1))
						|| this.text.charAt(i + 1) == '"' || this.text.charAt(i + 1) == '\'';
			}
			return false;
		}

		Sentence sentence() {
			return this.sentence;
		}

	}

}
