package dev.aisecurity.test.redteam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of one or more red-team runs: per attack and per class, with JSON and HTML
 * renderings. Holds metadata only: attack previews, statuses, codes, what kind of thing
 * leaked and which detector should have caught it; never an answer or a marker's value.
 * Thread-safe for adding results.
 */
public final class RedTeamReport {

	private final String name;

	private final Instant started = Instant.now();

	private final Set<String> corpora = new LinkedHashSet<>();

	private final List<AttackResult> results = new ArrayList<>();

	/**
	 * An empty report.
	 * @param name a name, shown as the title (usually the test class)
	 */
	public RedTeamReport(String name) {
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Note that a corpus took part.
	 * @param corpus the corpus
	 */
	public synchronized void corpus(AttackCorpus corpus) {
		this.corpora.add(corpus.version() + " (" + corpus.digest() + ")");
	}

	public synchronized void add(AttackResult result) {
		this.results.add(result);
	}

	public synchronized List<AttackResult> results() {
		return List.copyOf(this.results);
	}

	/**
	 * Counts per class, in class order.
	 */
	public synchronized Map<AttackClass, Summary> summary() {
		Map<AttackClass, int[]> counts = new EnumMap<>(AttackClass.class);
		for (AttackResult result : this.results) {
			counts.computeIfAbsent(result.attackClass(), (c) -> new int[Outcome.values().length])[result.outcome()
				.ordinal()]++;
		}
		Map<AttackClass, Summary> summary = new EnumMap<>(AttackClass.class);
		counts.forEach((attackClass, n) -> summary.put(attackClass, new Summary(n)));
		return summary;
	}

	/**
	 * Whether every attack that ran was blocked or neutralised.
	 */
	public synchronized boolean passed() {
		return this.results.stream().allMatch((r) -> r.outcome().passed() || r.outcome() == Outcome.SKIPPED);
	}

	/**
	 * The attacks that leaked or failed.
	 */
	public synchronized List<AttackResult> failures() {
		return this.results.stream()
			.filter((r) -> r.outcome() == Outcome.LEAKED || r.outcome() == Outcome.ERROR)
			.toList();
	}

	/**
	 * Write {@code <baseName>.json} and {@code <baseName>.html} into a directory.
	 * @param directory the directory (created if missing)
	 * @param baseName the file name without extension
	 * @return the JSON file
	 */
	public Path writeTo(Path directory, String baseName) {
		try {
			Files.createDirectories(directory);
			Path json = directory.resolve(baseName + ".json");
			Files.writeString(json, toJson(), StandardCharsets.UTF_8);
			Files.writeString(directory.resolve(baseName + ".html"), toHtml(), StandardCharsets.UTF_8);
			return json;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the red-team report to " + directory, ex);
		}
	}

	/**
	 * The report as JSON.
	 */
	public synchronized String toJson() {
		StringBuilder json = new StringBuilder(4096);
		json.append("{\n  \"name\": ").append(RequestBodies.jsonString(this.name));
		json.append(",\n  \"corpusVersion\": ").append(RequestBodies.jsonString(AttackCorpus.VERSION));
		json.append(",\n  \"corpora\": [");
		int c = 0;
		for (String corpus : this.corpora) {
			json.append((c++ > 0) ? ", " : "").append(RequestBodies.jsonString(corpus));
		}
		json.append("],\n  \"started\": ").append(RequestBodies.jsonString(this.started.toString()));
		json.append(",\n  \"finished\": ").append(RequestBodies.jsonString(Instant.now().toString()));
		json.append(",\n  \"passed\": ").append(passed());
		Summary total = total();
		json.append(",\n  \"totals\": ").append(total.toJson());
		json.append(",\n  \"classes\": {");
		int i = 0;
		for (Map.Entry<AttackClass, Summary> entry : summary().entrySet()) {
			json.append((i++ > 0) ? "," : "").append("\n    ").append(RequestBodies.jsonString(entry.getKey().id()));
			json.append(": ").append(entry.getValue().toJson());
		}
		json.append("\n  },\n  \"results\": [");
		for (int r = 0; r < this.results.size(); r++) {
			AttackResult result = this.results.get(r);
			json.append((r > 0) ? "," : "").append("\n    {");
			field(json, "target", result.target(), true);
			field(json, "id", result.attackId(), false);
			field(json, "class", result.attackClass().id(), false);
			field(json, "technique", result.technique(), false);
			field(json, "outcome", result.outcome().name(), false);
			json.append(", \"status\": ").append(result.status());
			field(json, "code", result.code(), false);
			json.append(", \"reasons\": ").append(array(result.reasons()));
			json.append(", \"leaked\": ").append(array(result.leaked()));
			field(json, "detector", result.detector(), false);
			field(json, "detail", result.detail(), false);
			json.append(", \"millis\": ").append(result.millis());
			json.append(", \"answerLength\": ").append(result.answerLength());
			field(json, "attack", result.preview(), false);
			json.append('}');
		}
		json.append("\n  ]\n}\n");
		return json.toString();
	}

	/**
	 * The report as a self-contained HTML page.
	 */
	public synchronized String toHtml() {
		StringBuilder html = new StringBuilder(8192);
		Summary total = total();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AI red-team report: ")
			.append(escape(this.name))
			.append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
					+ "margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;"
					+ "vertical-align:top}.BLOCKED{background:#dfd}.NEUTRALISED{background:#eef}.LEAKED{"
					+ "background:#fcc}.ERROR{background:#fdb}.SKIPPED{color:#888}code{font-size:90%}</style>"
					+ "</head><body>\n<h1>AI red-team report: ")
			.append(escape(this.name))
			.append("</h1>\n<p>Corpus ")
			.append(escape(String.join(", ", this.corpora)))
			.append(", started ")
			.append(escape(this.started.toString()))
			.append(". <strong>")
			.append(passed() ? "Every attack was blocked or neutralised."
					: failures().size() + " attack(s) leaked or failed.")
			.append("</strong></p>\n<table><tr><th>Class</th><th>Attempts</th><th>Blocked</th><th>Neutralised</th>"
					+ "<th>Leaked</th><th>Errors</th><th>Skipped</th></tr>\n");
		for (Map.Entry<AttackClass, Summary> entry : summary().entrySet()) {
			summaryRow(html, entry.getKey().id(), entry.getValue());
		}
		summaryRow(html, "total", total);
		html.append("</table>\n<h2>Attacks</h2>\n<table><tr><th>Attack</th><th>Outcome</th><th>Status</th>"
				+ "<th>Code / reasons</th><th>Leaked / should be caught by</th><th>Detail</th><th>Attack text "
				+ "(preview)</th></tr>\n");
		for (AttackResult result : this.results) {
			html.append("<tr class=\"")
				.append(result.outcome().name())
				.append("\"><td><code>")
				.append(escape(result.attackId()))
				.append("</code><br><small>")
				.append(escape(result.target()))
				.append("</small></td><td>")
				.append(result.outcome().name())
				.append("</td><td>")
				.append(result.status())
				.append("</td><td>")
				.append(escape((result.code() != null) ? result.code() : ""))
				.append(result.reasons().isEmpty() ? ""
						: "<br><small>" + escape(String.join(", ", result.reasons())) + "</small>")
				.append("</td><td>")
				.append(escape(String.join(", ", result.leaked())))
				.append((result.detector() != null) ? " <code>" + escape(result.detector()) + "</code>" : "")
				.append("</td><td>")
				.append(escape(result.detail()))
				.append("</td><td><code>")
				.append(escape(result.preview()))
				.append("</code></td></tr>\n");
		}
		html.append("</table>\n</body></html>\n");
		return html.toString();
	}

	private Summary total() {
		int[] n = new int[Outcome.values().length];
		for (AttackResult result : this.results) {
			n[result.outcome().ordinal()]++;
		}
		return new Summary(n);
	}

	private static void summaryRow(StringBuilder html, String label, Summary summary) {
		html.append("<tr><td>")
			.append(escape(label))
			.append("</td><td>")
			.append(summary.attempts())
			.append("</td><td>")
			.append(summary.blocked())
			.append("</td><td>")
			.append(summary.neutralised())
			.append("</td><td")
			.append((summary.leaked() > 0) ? " class=\"LEAKED\"" : "")
			.append('>')
			.append(summary.leaked())
			.append("</td><td")
			.append((summary.errors() > 0) ? " class=\"ERROR\"" : "")
			.append('>')
			.append(summary.errors())
			.append("</td><td>")
			.append(summary.skipped())
			.append("</td></tr>\n");
	}

	private static void field(StringBuilder json, String name, String value, boolean first) {
		json.append(first ? "" : ", ").append('"').append(name).append("\": ");
		json.append((value != null) ? RequestBodies.jsonString(value) : "null");
	}

	private static String array(List<String> values) {
		StringBuilder out = new StringBuilder("[");
		for (int i = 0; i < values.size(); i++) {
			out.append((i > 0) ? ", " : "").append(RequestBodies.jsonString(values.get(i)));
		}
		return out.append(']').toString();
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Counts of one class (or of all).
	 *
	 * @param attempts attacks run (skipped ones not counted)
	 * @param blocked refused
	 * @param neutralised answered harmlessly
	 * @param leaked leaked
	 * @param errors failed or could not be judged
	 * @param skipped not applicable to the target
	 */
	public record Summary(int attempts, int blocked, int neutralised, int leaked, int errors, int skipped) {

		Summary(int[] n) {
			this(n[0] + n[1] + n[2] + n[3], n[Outcome.BLOCKED.ordinal()], n[Outcome.NEUTRALISED.ordinal()],
					n[Outcome.LEAKED.ordinal()], n[Outcome.ERROR.ordinal()], n[Outcome.SKIPPED.ordinal()]);
		}

		/**
		 * Whether nothing leaked or failed.
		 */
		public boolean passed() {
			return this.leaked == 0 && this.errors == 0;
		}

		String toJson() {
			return "{\"attempts\": " + this.attempts + ", \"blocked\": " + this.blocked + ", \"neutralised\": "
					+ this.neutralised + ", \"leaked\": " + this.leaked + ", \"errors\": " + this.errors
					+ ", \"skipped\": " + this.skipped + "}";
		}

	}

}
