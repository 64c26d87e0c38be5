package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * One part of the detector evaluation: reads one JSON Lines file of the evaluation data
 * and measures the default pipelines on it. Register new sections in
 * {@link EvaluationSections#all()}.
 */
public interface EvaluationSection {

	/**
	 * Name of the JSON Lines file this section reads, for example
	 * {@code prompt_injection.jsonl}.
	 */
	String fileName();

	/**
	 * Key of this section's results in the JSON report.
	 */
	String key();

	/**
	 * Evaluate the file.
	 * @param file the JSON Lines file, which exists
	 * @return the results: JSON-friendly values (numbers, strings, maps, lists)
	 * @throws IOException if the file cannot be read
	 */
	Map<String, Object> evaluate(Path file) throws IOException;

	/**
	 * Print the results as a readable table.
	 */
	default void print(Map<String, Object> results, PrintStream out) {
		out.println(key());
		results.forEach((name, value) -> out.printf("  %-28s %s%n", name, value));
	}

}
