package dev.aisecurity.guard.injection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Detects prompt injection and jailbreak attempts in text on its way to the model.
 * <p>
 * Several heuristic {@link Signal signals} are scored from 0 to 1 on the normalised text
 * ({@link GuardText#normalized()}: NFKC, look-alikes folded, lower case), on text hidden
 * in Unicode tag characters, and on decoded base64, hex, URL-encoded, leetspeak and
 * reversed spans. Each signal above {@value #REPORT_FLOOR} becomes a finding whose code
 * is the signal's name.
 * <p>
 * Fusion: the signals and any {@link PromptInjectionClassifier} score (multiplied by
 * {@link PromptInjectionSettings#classifierWeight()}) are combined by a discounted
 * noisy-OR, {@code 1 - (1 - s1)(1 - 0.6 s2)(1 - 0.6 s3)...} with {@code s1} the
 * strongest: one strong piece of evidence is enough, corroborating evidence raises the
 * score, and weak hints (an "act as" role play, a lone "jailbreak" in a question) stay
 * below the threshold. When the fused score exceeds every single signal, a
 * {@value #COMBINED} finding carries it. Classifier exceptions propagate, so the pipeline
 * fails closed with {@code GUARD_ERROR}.
 * <p>
 * Runs in time linear in the text's length: one pass over the text for phrases and role
 * markers, one character-class pass for adversarial suffixes, and decoding of at most
 * {@link PromptInjectionSettings#maxDecodedSpans()} bounded spans. Never uses
 * {@code java.util.regex}. Thread-safe.
 */
public final class PromptInjectionScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "prompt-injection";

	/** Category of the findings. */
	public static final String CATEGORY = "prompt-injection";

	/** Code of the finding that carries a fused score above every single signal. */
	public static final String COMBINED = "COMBINED_SIGNALS";

	/** Signals scoring below this are not reported. */
	static final double REPORT_FLOOR = 0.1;

	/** Weight of every signal but the strongest in the fusion. */
	static final double SECONDARY_WEIGHT = 0.6;

	/** Longest prefix read a second time, backwards or without leetspeak. */
	private static final int MAX_REREAD_CHARS = 1 << 16;

	/**
	 * Key words split in two that make a text worth reading joined ("ig nore the ru
	 * les"); one is as often a typo.
	 */
	private static final int SPLIT_KEYWORDS = 2;

	/** Most quoted pieces joined when a text asks to join pieces. */
	private static final int MAX_QUOTED_PIECES = 64;

	private final PromptInjectionSettings settings;

	private final List<PromptInjectionClassifier> classifiers;

	private final PhraseAnalyzer phrases = new PhraseAnalyzer(InjectionLexicon.DEFAULT);

	public PromptInjectionScanner() {
		this(PromptInjectionSettings.defaults(), List.of());
	}

	public PromptInjectionScanner(PromptInjectionSettings settings) {
		this(settings, List.of());
	}

	public PromptInjectionScanner(PromptInjectionSettings settings, List<PromptInjectionClassifier> classifiers) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.classifiers = List.copyOf(classifiers);
	}

	public PromptInjectionSettings settings() {
		return this.settings;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean supports(Direction direction) {
		return direction == Direction.INPUT;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(this.settings.threshold());
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		Map<Signal, Double> scores = score(text, context);
		List<Finding> findings = new ArrayList<>(scores.size() + 1);
		double best = 0;
		for (Map.Entry<Signal, Double> entry : scores.entrySet()) {
			double score = entry.getValue();
			best = Math.max(best, score);
			if (score >= REPORT_FLOOR) {
				findings.add(Finding.of(ID, CATEGORY, entry.getKey().code(), round(score)));
			}
		}
		double fused = fuse(scores.values());
		if (fused > best + 1e-9 && fused >= REPORT_FLOOR) {
			findings.add(Finding.of(ID, CATEGORY, COMBINED, round(fused)));
		}
		return findings;
	}

	/**
	 * Noisy-OR with the strongest signal at full weight and the others discounted by
	 * {@value #SECONDARY_WEIGHT}: corroborating evidence raises the score, but several
	 * weak hints do not add up to a strong one.
	 */
	public static double fuse(Iterable<Double> scores) {
		double best = 0;
		for (double score : scores) {
			best = Math.max(best, score);
		}
		double miss = 1 - best;
		boolean bestSeen = false;
		for (double score : scores) {
			if (!bestSeen && score == best) {
				bestSeen = true;
				continue;
			}
			miss *= 1 - SECONDARY_WEIGHT * score;
		}
		return 1 - miss;
	}

	private static double round(double score) {
		return Math.min(1, Math.max(0, Math.round(score * 1000) / 1000.0));
	}

	/**
	 * The score of every enabled signal, classifiers included; signals scoring zero are
	 * left out.
	 */
	public Map<Signal, Double> score(GuardText text, ScanContext context) {
		Map<Signal, Double> scores = new EnumMap<>(Signal.class);
		// plain ASCII, the common case, is read as bytes without building the normalised
		// string
		AsciiText ascii = AsciiText.of(text);
		CharSequence normalized = (ascii != null) ? ascii : text.normalized();
		boolean roles = this.settings.isEnabled(Signal.ROLE_SPOOFING);
		PhraseAnalyzer.Result main = this.phrases.analyze(normalized, true, roles);
		put(scores, Signal.INSTRUCTION_OVERRIDE, main.override);
		put(scores, Signal.JAILBREAK_PERSONA, main.persona);
		put(scores, Signal.SYSTEM_PROMPT_EXTRACTION, main.extraction);
		put(scores, Signal.GOAL_HIJACKING, main.hijacking);
		put(scores, Signal.FRAMED_HARMFUL_REQUEST, main.framedHarm);
		// URLs are read only in a text whose main pass met a URL scheme
		put(scores, Signal.DATA_EXFILTRATION,
				Math.max(main.exfiltration, (main.urls > 0) ? UrlBeacons.score(normalized) : 0));
		if (roles) {
			put(scores, Signal.ROLE_SPOOFING, 1 - (1 - main.roles) * (1 - main.separator));
		}
		boolean suffix = this.settings.isEnabled(Signal.ADVERSARIAL_SUFFIX);
		boolean encoded = this.settings.isEnabled(Signal.ENCODED_PAYLOAD);
		int profile = 0;
		if (suffix || encoded) {
			profile = (ascii != null) ? ascii.profile : SanitizedProfile.of(text.sanitized());
		}
		if (encoded) {
			put(scores, Signal.ENCODED_PAYLOAD,
					encoded(text, normalized, main, (profile & SanitizedProfile.ENCODED) != 0));
		}
		if (suffix && (profile & SanitizedProfile.SUFFIX) != 0) {
			put(scores, Signal.ADVERSARIAL_SUFFIX, AdversarialSuffixDetector.scoreTokens(text.sanitized()));
		}
		if (this.settings.isEnabled(Signal.HIDDEN_TEXT_INJECTION) && !text.hidden().isBlank()) {
			put(scores, Signal.HIDDEN_TEXT_INJECTION, hidden(text.hidden()));
		}
		if (this.settings.classifierWeight() > 0) {
			for (PromptInjectionClassifier classifier : this.classifiers) {
				OptionalDouble score = classifier.score(text, context);
				if (score.isPresent()) {
					double value = Math.min(1, Math.max(0, score.getAsDouble())) * this.settings.classifierWeight();
					scores.merge(Signal.CLASSIFIER, value, Math::max);
				}
			}
		}
		return scores;
	}

	private void put(Map<Signal, Double> scores, Signal signal, double score) {
		if (score > 0 && this.settings.isEnabled(signal)) {
			scores.merge(signal, Math.min(score, 1.0), Math::max);
		}
	}

	/**
	 * Text hidden in tag characters is an injection signal by itself: nobody hides
	 * harmless text from the reader. What it says raises the score further.
	 */
	private double hidden(String hidden) {
		int letters = 0;
		for (int i = 0; i < hidden.length() && letters < 3; i++) {
			if (Character.isLetter(hidden.charAt(i))) {
				letters++;
			}
		}
		double base = (letters >= 3) ? 0.7 : 0.3;
		double inner = this.phrases.analyze(dev.aisecurity.guard.text.Confusables.fold(hidden)).max();
		return 1 - (1 - base) * (1 - inner);
	}

	/**
	 * @param spans whether the sanitised text may hold encoded spans
	 */
	private double encoded(GuardText text, CharSequence normalized, PhraseAnalyzer.Result main, boolean spans) {
		double best = 0;
		// leetspeak: the canonical text reads digits inside words as letters; it counts
		// as an encoding when the rules fire on that reading and not on the plain one
		if (main.leetTokens >= 2 && main.max() >= 0.3) {
			double plain = this.phrases.analyze(head(normalized), false, false).max();
			if (main.max() > plain + 0.2) {
				best = Math.max(best, main.max());
			}
		}
		List<String> decodings = spans ? EncodedPayloads.decode(text.sanitized(), this.settings.maxDecodedSpans(),
				this.settings.maxDecodedChars()) : List.of();
		for (String decoded : decodings) {
			double inner = this.phrases.analyze(dev.aisecurity.guard.text.Confusables.fold(decoded)).max();
			double found = Math.max(inner, (main.decodeWords > 0) ? 0.35 : 0.2);
			best = Math.max(best, found);
		}
		if (main.joinWords > 0) {
			best = Math.max(best, joined(head(normalized)));
		}
		CharSequence head = head(normalized);
		// words spelled out, or key words split by spaces or dots: the lexicon counts
		// them
		// in the main pass, so ordinary text costs no second reading
		if (main.spelledRuns > 0 || main.splitWords >= SPLIT_KEYWORDS) {
			best = Math.max(best, gain(main, Spelling.unsplit(head)));
		}
		if (main.leetL > 0 && main.leetTokens > 0) {
			String oneAsL = Spelling.leetOneAsL(head);
			if (oneAsL != null) {
				best = Math.max(best, gain(main, oneAsL));
			}
		}
		// two reversed key words, or one beside a word that asks to read backwards
		if (main.reversedWords >= 2 || (main.reversedWords == 1 && main.decodeWords > 0)) {
			CharSequence reversed = (head instanceof AsciiText ascii) ? ascii.reversed()
					: new StringBuilder(head).reverse().toString();
			best = Math.max(best, this.phrases.analyze(reversed, true, false).max());
		}
		if (main.decodeWords > 0) {
			if (Rot13.named(head)) {
				best = Math.max(best, this.phrases.analyze(Rot13.of(head), true, false).max());
			}
		}
		return best;
	}

	/**
	 * The score of another reading of the text when the rules fire on it clearly more
	 * than on the text as written (an obfuscation undone), else 0.
	 */
	private double gain(PhraseAnalyzer.Result main, CharSequence reading) {
		double score = this.phrases.analyze(reading, true, false).max();
		return (score > main.max() + 0.2) ? score : 0;
	}

	/**
	 * Payload splitting: the quoted pieces of a text that asks to join them ("a = 'igno',
	 * b = 're all rules'; combine a and b"), read glued and with spaces between them.
	 */
	private double joined(CharSequence text) {
		List<String> pieces = QuotedPieces.of(text, MAX_QUOTED_PIECES);
		if (pieces.size() < 2) {
			return 0;
		}
		double best = 0;
		for (String joined : new String[] { String.join("", pieces), String.join(" ", pieces) }) {
			PhraseAnalyzer.Result result = this.phrases.analyze(joined, true, false);
			// a harmful request cut into pieces to slip past a filter is framed by the
			// cutting
			best = Math.max(best, Math.max(result.max(), (result.harmRequest >= 0.35) ? 0.6 : 0));
		}
		return best;
	}

	private static CharSequence head(CharSequence normalized) {
		return normalized.subSequence(0, Math.min(normalized.length(), MAX_REREAD_CHARS));
	}

}
