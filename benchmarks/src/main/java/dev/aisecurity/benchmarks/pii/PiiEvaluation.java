package dev.aisecurity.benchmarks.pii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the PII analyzer with default settings on {@code pii.jsonl}: per type true
 * positives, false positives and false negatives, counted only for the types each row was
 * written for ({@code annotated_types}). An expected span is found when a reported entity
 * of the same type overlaps it; every reported entity of an annotated type that overlaps
 * no expected span is a false positive. Types the project does not support are listed and
 * left out of the counts.
 */
public final class PiiEvaluation {

	/** File name in the evaluation directory. */
	public static final String FILE = "pii.jsonl";

	private final PiiAnalyzer analyzer;

	public PiiEvaluation() {
		this(PiiAnalyzer.defaults());
	}

	public PiiEvaluation(PiiAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * Evaluate a file in the format of {@code pii.jsonl}.
	 * @return the {@code pii} section: {@code by_type}, {@code micro},
	 * {@code all_entities} (recall with the entities of unsupported types counted as
	 * missed), {@code unsupported_types}
	 */
	public Map<String, Object> evaluate(Path file) throws IOException {
		return evaluate(file, null);
	}

	Map<String, Object> evaluate(Path file, List<String> errors) throws IOException {
		ObjectMapper mapper = JsonMapper.builder().build();
		Set<String> supported = this.analyzer.supportedTypes();
		Map<String, int[]> counts = new TreeMap<>();
		Set<String> unsupported = new TreeSet<>();
		int unsupportedEntities = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode row;
			try {
				row = mapper.readTree(line);
			}
			catch (tools.jackson.core.JacksonException ex) {
				continue; // a malformed line is skipped
			}
			if (row == null || row.get("text") == null || row.get("annotated_types") == null
					|| row.get("entities") == null) {
				continue;
			}
			String text = row.get("text").asString();
			List<PiiEntity> found = this.analyzer.analyze(text);
			for (JsonNode typeNode : row.get("annotated_types")) {
				String type = typeNode.asString();
				if (!supported.contains(type)) {
					unsupported.add(type);
					for (JsonNode e : row.get("entities")) {
						unsupportedEntities += type.equals(e.path("type").asString()) ? 1 : 0;
					}
					continue;
				}
				int[] c = counts.computeIfAbsent(type, (t) -> new int[3]);
				List<int[]> expected = new ArrayList<>();
				for (JsonNode e : row.get("entities")) {
					if (type.equals(e.path("type").asString()) && e.path("end").asInt() <= text.length()) {
						expected.add(new int[] { e.get("start").asInt(), e.get("end").asInt() });
					}
				}
				List<PiiEntity> reported = found.stream().filter((f) -> f.type().equals(type)).toList();
				for (int[] span : expected) {
					boolean hit = reported.stream().anyMatch((f) -> f.start() < span[1] && span[0] < f.end());
					c[hit ? 0 : 2]++;
					if (!hit && errors != null) {
						errors.add("FN " + type + " " + text.substring(span[0], span[1]) + "  ||  " + clip(text));
					}
				}
				for (PiiEntity f : reported) {
					boolean matches = expected.stream().anyMatch((span) -> f.start() < span[1] && span[0] < f.end());
					if (!matches) {
						c[1]++;
						if (errors != null) {
							errors.add("FP " + type + " " + text.substring(f.start(), f.end()) + " " + f.score()
									+ "  ||  " + clip(text));
						}
					}
				}
			}
		}
		Map<String, Object> byType = new LinkedHashMap<>();
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (Map.Entry<String, int[]> entry : counts.entrySet()) {
			int[] c = entry.getValue();
			tp += c[0];
			fp += c[1];
			fn += c[2];
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("tp", c[0]);
			t.put("fp", c[1]);
			t.put("fn", c[2]);
			t.put("precision", ratio(c[0], c[0] + c[1]));
			t.put("recall", ratio(c[0], c[0] + c[2]));
			byType.put(entry.getKey(), t);
		}
		double precision = ratio(tp, tp + fp);
		double recall = ratio(tp, tp + fn);
		Map<String, Object> micro = new LinkedHashMap<>();
		micro.put("tp", tp);
		micro.put("fp", fp);
		micro.put("fn", fn);
		micro.put("precision", precision);
		micro.put("recall", recall);
		micro.put("f2", (precision + recall == 0) ? 0.0 : round(5 * precision * recall / (4 * precision + recall)));
		// the same recall over every annotated entity, an unsupported type's counted as
		// missed: what a user relying on the defaults gets
		Map<String, Object> allEntities = new LinkedHashMap<>();
		allEntities.put("tp", tp);
		allEntities.put("fn", fn + unsupportedEntities);
		allEntities.put("recall", ratio(tp, tp + fn + unsupportedEntities));
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("by_type", byType);
		section.put("micro", micro);
		section.put("all_entities", allEntities);
		section.put("unsupported_types", List.copyOf(unsupported));
		return section;
	}

	private static String clip(String text) {
		String oneLine = text.replace('\n', ' ');
		return (oneLine.length() > 120) ? oneLine.substring(0, 120) + "..." : oneLine;
	}

	private static double ratio(int a, int b) {
		return (b == 0) ? 1.0 : round((double) a / b);
	}

	private static double round(double value) {
		return Math.round(value * 10000) / 10000.0;
	}

	/**
	 * Print the section as JSON; with {@code --errors}, list every miss and false alarm
	 * (for development; the output contains evaluation text).
	 * @param args the evaluation directory (default {@code ../shared/eval}), optionally
	 * {@code --errors}
	 */
	public static void main(String[] args) throws IOException {
		Path directory = Path.of((args.length > 0 && !args[0].startsWith("--")) ? args[0] : "../shared/eval");
		boolean showErrors = List.of(args).contains("--errors");
		List<String> errors = showErrors ? new ArrayList<>() : null;
		Map<String, Object> section = new PiiEvaluation().evaluate(directory.resolve(FILE), errors);
		if (errors != null) {
			errors.stream().sorted().forEach(System.out::println);
		}
		System.out.println(JsonMapper.builder()
			.build()
			.writerWithDefaultPrettyPrinter()
			.writeValueAsString(Map.of("pii", section)));
	}

}
