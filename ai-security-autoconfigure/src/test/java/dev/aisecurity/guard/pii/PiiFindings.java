package dev.aisecurity.guard.pii;

import java.util.List;

/**
 * The values an analyzer reports for one type, for assertions.
 */
final class PiiFindings {

	private PiiFindings() {
	}

	/**
	 * The text of each entity of {@code type} the analyzer reports in {@code text}, in
	 * text order.
	 */
	static List<String> of(PiiAnalyzer analyzer, String type, String text) {
		return analyzer.analyze(text)
			.stream()
			.filter((e) -> e.type().equals(type))
			.map((e) -> text.substring(e.start(), e.end()))
			.toList();
	}

}
