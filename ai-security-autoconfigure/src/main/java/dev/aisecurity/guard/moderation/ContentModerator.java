package dev.aisecurity.guard.moderation;

import java.util.List;

import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;

/**
 * Judges whether a text is harmful content (harassment, violence, self-harm, ...). The
 * {@link ModerationScanner} asks every registered moderator and turns their flags into
 * findings. Implementations are thread-safe and never log or keep the text; one that
 * cannot decide throws, and the pipeline then blocks (fail closed).
 */
public interface ContentModerator {

	/**
	 * Stable id, for example {@code term-list} or {@code moderation-model}.
	 */
	String id();

	/**
	 * Moderate a text.
	 * @param text the text in its sanitised and normalised views
	 * @param context what else is known (direction, principal)
	 * @return the categories the text falls into, empty when it is acceptable
	 */
	List<ModerationFlag> moderate(GuardText text, ScanContext context);

}
