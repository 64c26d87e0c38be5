package dev.aisecurity.guard.moderation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Content safety: asks every {@link ContentModerator} and reports each flagged category
 * as a finding about the whole text ({@code MODERATION_<CATEGORY>}), which blocks by
 * default. Looks at model output by default; input moderation is opt-in.
 */
public final class ModerationScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "moderation";

	/** Finding category. */
	public static final String CATEGORY = "content-safety";

	private final List<ContentModerator> moderators;

	private final Set<Direction> directions;

	/**
	 * Output moderation with the default term lists.
	 */
	public ModerationScanner() {
		this(List.of(new TermListModerator()), EnumSet.of(Direction.OUTPUT));
	}

	public ModerationScanner(List<? extends ContentModerator> moderators, Set<Direction> directions) {
		this.moderators = List.copyOf(moderators);
		this.directions = directions.isEmpty() ? Set.of() : EnumSet.copyOf(directions);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean supports(Direction direction) {
		return this.directions.contains(direction);
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	public List<ContentModerator> moderators() {
		return this.moderators;
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<Finding> findings = null;
		for (ContentModerator moderator : this.moderators) {
			List<ModerationFlag> flags = Objects.requireNonNull(moderator.moderate(text, context),
					"moderator returned null");
			for (ModerationFlag flag : flags) {
				if (findings == null) {
					findings = new ArrayList<>(2);
				}
				findings.add(Finding.of(ID, CATEGORY, flag.code(), flag.score()));
			}
		}
		return (findings != null) ? findings : List.of();
	}

}
