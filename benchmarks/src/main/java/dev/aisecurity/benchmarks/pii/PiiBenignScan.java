package dev.aisecurity.benchmarks.pii;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.aisecurity.benchmarks.BenignCorpusScan;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiEntity;

/**
 * Runs the default PII analyzer over documentation and source code, which hold few real
 * personal identifiers, and counts what it reports per type: a recogniser that fires
 * often here redacts ordinary text (version numbers, dates, codes). Some findings are
 * real (example e-mail addresses and URLs are everywhere in documentation); the figure to
 * watch is the count of a type that should be rare.
 *
 * <pre>
 * PiiBenignScan doc=/usr/share/doc jdk=.../lib/src.zip [--limit N] [--show TYPE[,TYPE] N]
 * </pre>
 */
public final class PiiBenignScan {

	private PiiBenignScan() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, Path> sources = new LinkedHashMap<>();
		long limit = 20_000;
		Set<String> showTypes = Set.of();
		int show = 0;
		for (int i = 0; i < args.length; i++) {
			if ("--limit".equals(args[i]) && i + 1 < args.length) {
				limit = Long.parseLong(args[++i]);
			}
			else if ("--show".equals(args[i]) && i + 2 < args.length) {
				showTypes = Set.of(args[++i].split(","));
				show = Integer.parseInt(args[++i]);
			}
			else {
				int eq = args[i].indexOf('=');
				if (eq <= 0) {
					throw new IllegalArgumentException("expected label=path, got " + args[i]);
				}
				sources.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
			}
		}
		PiiAnalyzer analyzer = PiiAnalyzer.defaults();
		Map<String, int[]> total = new TreeMap<>();
		long pieces = 0;
		long chars = 0;
		List<String> shown = new ArrayList<>();
		for (Map.Entry<String, Path> source : sources.entrySet()) {
			for (String piece : BenignCorpusScan.collect(source.getValue(), limit)) {
				pieces++;
				chars += piece.length();
				Set<String> inPiece = new java.util.HashSet<>();
				for (PiiEntity entity : analyzer.analyze(piece)) {
					int[] counts = total.computeIfAbsent(entity.type(), (t) -> new int[2]);
					counts[0]++;
					if (inPiece.add(entity.type())) {
						counts[1]++;
					}
					if (showTypes.contains(entity.type()) && shown.size() < show) {
						shown.add(source.getKey() + " " + entity.type() + " "
								+ piece.substring(entity.start(), entity.end()) + "  ||  " + around(piece, entity));
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d pieces, %.1f MB of text%n", pieces, chars / 1e6);
		System.out.printf(Locale.ROOT, "%-28s %9s %9s %10s%n", "type", "findings", "pieces", "per MB");
		for (Map.Entry<String, int[]> entry : total.entrySet()) {
			System.out.printf(Locale.ROOT, "%-28s %9d %9d %10.2f%n", entry.getKey(), entry.getValue()[0],
					entry.getValue()[1], entry.getValue()[0] / (chars / 1e6));
		}
		shown.forEach(System.out::println);
	}

	private static String around(String piece, PiiEntity entity) {
		int from = Math.max(0, entity.start() - 60);
		int to = Math.min(piece.length(), entity.end() + 60);
		return piece.substring(from, to).replace('\n', ' ');
	}

}
