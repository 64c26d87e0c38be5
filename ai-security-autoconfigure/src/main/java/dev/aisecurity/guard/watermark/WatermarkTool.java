package dev.aisecurity.guard.watermark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Command line: which principal was a leaked text served to? <pre>
 * AI_SECURITY_WATERMARK_KEY=... java -cp ai-security-autoconfigure.jar \
 *     dev.aisecurity.guard.watermark.WatermarkTool principals.txt &lt; leaked.txt
 * </pre> Reads the key from the environment variable {@value #KEY_VARIABLE} (never from
 * the command line, where other users could see it), the candidate principal ids from a
 * file (one per line) and the text from standard input. Prints the number of marks and
 * the matching candidates; exit status 0 when a candidate matched, 1 when none did, 2 on
 * a usage error.
 */
public final class WatermarkTool {

	/** Environment variable holding the key ({@code ai.security.watermark.key}). */
	public static final String KEY_VARIABLE = "AI_SECURITY_WATERMARK_KEY";

	private WatermarkTool() {
	}

	public static void main(String[] args) throws IOException {
		System.exit(run(args, System.getenv(), System.in, System.out));
	}

	static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out) throws IOException {
		String key = environment.get(KEY_VARIABLE);
		if (args.length != 1 || key == null || key.length() < 16) {
			out.println("usage: " + KEY_VARIABLE + "=<key> WatermarkTool <principals file> < text");
			return 2;
		}
		List<String> candidates = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.toList();
		String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		ResponseWatermark.Recovery recovery = new ResponseWatermark(key, 1, 1).recover(text, candidates);
		out.println("marks: " + recovery.marks());
		for (ResponseWatermark.Match match : recovery.matches()) {
			out.println("match: " + match.principal() + " (" + match.marks() + " of " + recovery.marks() + " marks)");
		}
		return recovery.matches().isEmpty() ? 1 : 0;
	}

}
