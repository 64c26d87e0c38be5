package dev.aisecurity.guard.text;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.Action;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Reports what Unicode sanitisation ({@link TextPreprocessor}) took out of a text. The
 * model always gets the sanitised text, so invisible characters and bidi controls are
 * recorded only; text hidden in Unicode tag characters or in runs of variation selectors
 * ("ASCII smuggling") is an injection signal in itself and blocks by default.
 * <p>
 * Codes: {@value #INVISIBLE_CHARACTERS}, {@value #BIDI_CONTROL}, {@value #HIDDEN_TEXT}.
 */
public final class UnicodeScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "unicode";

	/** Finding category. */
	public static final String CATEGORY = "unicode";

	/**
	 * Zero-width characters, variation selectors and other default-ignorable characters
	 * were removed.
	 */
	public static final String INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS";

	/** Bidirectional override, embedding or isolate controls were removed. */
	public static final String BIDI_CONTROL = "BIDI_CONTROL";

	/** Text was hidden in invisible characters (tag characters, variation selectors). */
	public static final String HIDDEN_TEXT = "HIDDEN_TEXT";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	@Override
	public Action action(Finding finding, ScannerPolicy policy) {
		if (!HIDDEN_TEXT.equals(finding.code()) && policy.action() != Action.MONITOR) {
			// already removed from what the model gets: count, do not refuse
			return Action.MONITOR;
		}
		return policy.action();
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		GuardText.TextStats stats = text.stats();
		if (stats.invisible() == 0 && stats.tagCharacters() == 0) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>(3);
		boolean hidden = !text.hidden().isBlank();
		if (hidden) {
			findings.add(Finding.of(ID, CATEGORY, HIDDEN_TEXT, 1.0));
		}
		if (stats.bidiControls() > 0) {
			findings.add(Finding.of(ID, CATEGORY, BIDI_CONTROL, 1.0));
		}
		int otherInvisible = stats.invisible() - stats.bidiControls() + (hidden ? 0 : stats.tagCharacters());
		if (otherInvisible > 0) {
			findings.add(Finding.of(ID, CATEGORY, INVISIBLE_CHARACTERS, 1.0));
		}
		return findings;
	}

}
