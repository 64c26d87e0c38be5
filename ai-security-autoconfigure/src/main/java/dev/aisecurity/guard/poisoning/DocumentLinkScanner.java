package dev.aisecurity.guard.poisoning;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.exfil.ExfiltrationScanner;

/**
 * Exfiltration links in documents on their way into a prompt or a vector store: images
 * and embeds pointing at hosts outside the allowlist load by themselves once a model
 * repeats them, so they are flagged ({@value #EXFILTRATION_IMAGE}); links that carry data
 * are common in ordinary documents and are only reported ({@value #DATA_LINK}, below the
 * default threshold). Reuses {@link ExfiltrationScanner}'s parser, which judges model
 * output, for text travelling the other way.
 */
public final class DocumentLinkScanner implements Scanner {

	/** Scanner id. */
	public static final String ID = "document-links";

	/** Finding category. */
	public static final String CATEGORY = "exfiltration";

	/** Reason code of an image or embed to an unlisted host. */
	public static final String EXFILTRATION_IMAGE = "EXFILTRATION_IMAGE";

	/** Reason code of a link carrying data to an unlisted host. */
	public static final String DATA_LINK = "DATA_LINK";

	private final ExfiltrationScanner links;

	/** With no host allowed. */
	public DocumentLinkScanner() {
		this(new ExfiltrationScanner());
	}

	/**
	 * @param links the exfiltration scanner with the allowlists in force
	 */
	public DocumentLinkScanner(ExfiltrationScanner links) {
		this.links = links;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(dev.aisecurity.guard.Direction direction) {
		return ScannerPolicy.block(0.5);
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		List<Finding> found = this.links.scan(text, context);
		if (found.isEmpty()) {
			return found;
		}
		List<Finding> findings = new ArrayList<>(found.size());
		for (Finding finding : found) {
			boolean image = ExfiltrationScanner.IMAGE_REMOVED.equals(finding.code())
					|| ExfiltrationScanner.EMBED_REMOVED.equals(finding.code());
			findings.add(new Finding(ID, CATEGORY, image ? EXFILTRATION_IMAGE : DATA_LINK, image ? 0.8 : 0.3,
					finding.start(), finding.end(), finding.replacement()));
		}
		return findings;
	}

}
