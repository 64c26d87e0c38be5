package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import tools.jackson.databind.JsonNode;

/**
 * Differential check for engine optimisations: runs the default input and output
 * pipelines over every text of the evaluation files, generated prompts and answers,
 * adversarial texts and random strings, and prints one SHA-256 over every verdict
 * (decision, rewritten text, each finding with its span, score and replacement, mode).
 * Two builds that print the same digests decide identically on all of these inputs.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.VerdictDigest
 * [--data ../shared/eval] [--dump FILE]}; {@code --dump} writes one line per input
 * (pipeline, input number, verdict hash) so two dumps can be diffed to find the input
 * that changed.
 */
public final class VerdictDigest {

	private static final String[] FILES = { "prompt_injection.jsonl", "pii.jsonl", "secrets.jsonl" };

	private VerdictDigest() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of("../shared/eval");
		Path dump = null;
		for (int i = 0; i < args.length; i++) {
			if ("--data".equals(args[i]) && i + 1 < args.length) {
				data = Path.of(args[++i]);
			}
			else if ("--dump".equals(args[i]) && i + 1 < args.length) {
				dump = Path.of(args[++i]);
			}
		}
		List<String> inputs = inputs(data);
		GuardPipeline input = GuardPipelines.defaultInput();
		GuardPipeline output = GuardPipelines.defaultOutput();
		ScanContext outputContext = ScanContext.output(ModelAnswers.SYSTEM_PROMPT);
		MessageDigest inputDigest = sha256();
		MessageDigest outputDigest = sha256();
		try (PrintWriter lines = (dump != null) ? new PrintWriter(Files.newBufferedWriter(dump)) : null) {
			for (int i = 0; i < inputs.size(); i++) {
				String text = inputs.get(i);
				record(inputDigest, lines, "input", i, input.scan(text));
				record(outputDigest, lines, "output", i, output.scan(text, outputContext));
			}
		}
		HexFormat hex = HexFormat.of();
		System.out.println("inputs " + inputs.size());
		System.out.println("input  " + hex.formatHex(inputDigest.digest()));
		System.out.println("output " + hex.formatHex(outputDigest.digest()));
	}

	static List<String> inputs(Path data) throws IOException {
		List<String> inputs = new ArrayList<>();
		for (String file : FILES) {
			Path path = data.resolve(file);
			if (Files.isRegularFile(path)) {
				for (JsonNode row : JsonLines.read(path)) {
					String text = JsonLines.text(row, "text", null);
					if (text != null) {
						inputs.add(text);
					}
				}
			}
		}
		for (int seed = 0; seed < 20; seed++) {
			inputs.add(PromptTexts.realistic(1024 + 997 * seed, seed));
			inputs.add(ModelAnswers.generate(1024 + 997 * seed, seed));
		}
		for (int seed = 0; seed < 5; seed++) {
			inputs.add(PromptTexts.adversarial(64 * 1024, seed));
		}
		inputs.add(PromptTexts.adversarial(1 << 20, 7));
		Random random = new Random(20261126);
		String alphabet = "0123456789 -./:@_+()abcdefABCDEFxyzXYZ\u200b\u202e\ufe0f\n\t=\"'<>[]{}#$%&*!?";
		for (int n = 0; n < 3000; n++) {
			int length = 1 + random.nextInt(200);
			StringBuilder text = new StringBuilder(length + 2);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextInt(10) == 0) {
				text.appendCodePoint(0xE0000 + 0x20 + random.nextInt(0x5F));
			}
			inputs.add(text.toString());
		}
		return inputs;
	}

	private static void record(MessageDigest total, PrintWriter lines, String pipeline, int index, Verdict verdict) {
		StringBuilder canonical = new StringBuilder(256);
		canonical.append(verdict.decision()).append('|').append(verdict.mode()).append('|');
		canonical.append(verdict.text() == null ? "<null>" : verdict.text().length() + ":" + verdict.text());
		appendFindings(canonical.append("|F"), verdict.findings());
		appendFindings(canonical.append("|B"), verdict.blocking());
		byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
		total.update(bytes);
		if (lines != null) {
			MessageDigest one = sha256();
			lines.println(pipeline + " " + index + " " + HexFormat.of().formatHex(one.digest(bytes), 0, 8));
		}
	}

	private static void appendFindings(StringBuilder canonical, List<Finding> findings) {
		for (Finding finding : findings) {
			canonical.append('[')
				.append(finding.detectorId())
				.append(',')
				.append(finding.category())
				.append(',')
				.append(finding.code())
				.append(',')
				.append(Double.doubleToLongBits(finding.score()))
				.append(',')
				.append(finding.start())
				.append(',')
				.append(finding.end())
				.append(',')
				.append(finding.replacement())
				.append(']');
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
