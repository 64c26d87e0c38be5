package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the default pipelines on the evaluation data: runs every registered
 * {@link EvaluationSection} whose file is present, prints a table per section and writes
 * all results as one JSON object.
 * <p>
 * Usage: {@code Evaluate [--data DIR] [--json FILE]}. {@code DIR} defaults to
 * {@code ../shared/eval}; a relative directory that does not exist is also looked up one
 * level higher, so the same command works from the repository root and from
 * {@code benchmarks/}.
 */
public final class Evaluate {

	private Evaluate() {
	}

	public static void main(String[] args) throws IOException {
		Path data = null;
		Path json = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data" -> data = Path.of(value(args, ++i, "--data"));
				case "--json" -> json = Path.of(value(args, ++i, "--json"));
				case "--help", "-h" -> {
					System.out.println("Usage: Evaluate [--data DIR] [--json FILE]");
					return;
				}
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		Map<String, Object> report = run(resolveData(data), EvaluationSections.all(), System.out);
		if (json != null) {
			Path parent = json.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
			System.out.println("Wrote " + json);
		}
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	public static Path resolveData(Path given) {
		Path wanted = (given != null) ? given : Path.of("../shared/eval");
		if (Files.isDirectory(wanted)) {
			return wanted;
		}
		// The same relative path works from the repository root and from a module
		// directory one level below it
		if (!wanted.isAbsolute()) {
			Path fromModule = Path.of("..").resolve(wanted);
			if (Files.isDirectory(fromModule)) {
				return fromModule;
			}
		}
		throw new IllegalArgumentException("No evaluation data directory: " + wanted + "; give --data DIR");
	}

	/**
	 * Run the sections whose files exist in {@code data}; absent files are skipped.
	 */
	public static Map<String, Object> run(Path data, List<EvaluationSection> sections, PrintStream out)
			throws IOException {
		Map<String, Object> report = new LinkedHashMap<>();
		for (EvaluationSection section : sections) {
			Path file = data.resolve(section.fileName());
			if (!Files.isRegularFile(file)) {
				out.println("skipped " + section.key() + ": no " + section.fileName());
				continue;
			}
			long start = System.nanoTime();
			Map<String, Object> results = section.evaluate(file);
			report.put(section.key(), results);
			section.print(results, out);
			out.printf("  (%d ms)%n%n", (System.nanoTime() - start) / 1_000_000);
		}
		return report;
	}

}
