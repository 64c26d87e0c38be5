package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.aisecurity.benchmarks.jmh.OnnxClassifierBenchmark;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.guard.GuardPipelines;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.Verdict;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.StaticTier;

/**
 * False positives of the default input pipeline on large benign text it was not written
 * against: documentation on the machine (READMEs, changelogs and copyright files, man
 * pages, javadoc comments in a JDK's {@code src.zip}). The text is cut into prompt-sized
 * pieces ({@link BenignText#pieces(String)}: paragraphs of 50 to 2,000 characters and
 * their sentences), de-duplicated across all sources, and every piece is run through
 * {@link GuardPipelines#defaultInput()}; a piece counts as flagged when the verdict is
 * BLOCK.
 * <p>
 * Prints pieces scanned and the BLOCK rate overall and per source, and the counts of the
 * blocking finding codes (metadata only). With {@code --show N} it also prints up to N
 * blocked pieces of each source with their file, for a developer judging them; never by
 * default. Nothing read is written anywhere.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.aisecurity.benchmarks.BenignCorpusScan [--show N [--show-code CODE]...] [--limit N] [label=]PATH...}.
 * A PATH is a directory (walked; {@code .gz} files read gunzipped), a file, or a
 * {@code .zip}/{@code .jar} whose {@code .java} entries are read for their javadoc.
 * Arguments with the same label are counted as one source; without a label the source is
 * the path. {@code --limit} stops a source after N pieces.
 * <p>
 * {@code --static-head T} also scores every piece with the ONNX module's static tier (its
 * probability alone, without the heuristics) and counts the pieces at or above {@code T}
 * (for example the single-threshold fusion's 0.9980) and at or above the shipped head's
 * confirm threshold: how the classifier treats benign text from sources it never saw.
 * {@code --onnx} scans with the input pipeline as the ONNX module configures it by
 * default (the static tier fused into the prompt-injection scanner) instead of the
 * heuristics alone.
 */
public final class BenignCorpusScan {

	/** Names of files that hold code, data or pictures rather than prose. */
	private static final String SKIPPED_EXTENSIONS = "|png|gif|jpg|jpeg|svg|ico|pdf|ps|eps|dvi|zip|jar|tar|tgz|xz|bz2|zst|"
			+ "c|h|cc|cpp|py|pl|pm|perl|awk|sh|bash|js|css|json|xml|xsl|yaml|yml|cocci|go|rs|rb|el|vim|"
			+ "pem|crt|der|gpg|asc|sig|service|socket|conf|cfg|ini|mk|cmake|m4|in|am|diff|patch|";

	private GuardPipeline pipeline = GuardPipelines.defaultInput();

	/** Hashes of the pieces seen, across sources. */
	private final LongSet seen = new LongSet();

	private final Map<String, Tally> tallies = new LinkedHashMap<>();

	private final int show;

	private final long limit;

	/** Where {@link #collect} puts the pieces, or null when scanning. */
	private List<String> collected;

	/** The static tier's probability of a piece, or null when not asked for. */
	private java.util.function.ToDoubleFunction<String> staticHead;

	private double staticBlock;

	private double staticConfirm;

	/** Codes of which a blocked piece must have one to be shown; empty for any. */
	private final java.util.Set<String> showCodes = new java.util.HashSet<>();

	BenignCorpusScan(int show, long limit) {
		this.show = show;
		this.limit = limit;
	}

	public static void main(String[] args) throws IOException {
		int show = 0;
		long limit = Long.MAX_VALUE;
		List<String> showCodes = new ArrayList<>();
		double staticBlock = Double.NaN;
		boolean onnx = false;
		List<String[]> sources = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if ("--show".equals(args[i]) && i + 1 < args.length) {
				show = Integer.parseInt(args[++i]);
			}
			else if ("--limit".equals(args[i]) && i + 1 < args.length) {
				limit = Long.parseLong(args[++i]);
			}
			else if ("--onnx".equals(args[i])) {
				onnx = true;
			}
			else if ("--static-head".equals(args[i]) && i + 1 < args.length) {
				staticBlock = Double.parseDouble(args[++i]);
			}
			else if ("--show-code".equals(args[i]) && i + 1 < args.length) {
				showCodes.add(args[++i]);
			}
			else {
				int equals = args[i].indexOf('=');
				String label = (equals > 0) ? args[i].substring(0, equals) : args[i];
				sources.add(new String[] { label, args[i].substring(equals + 1) });
			}
		}
		if (sources.isEmpty()) {
			System.err.println("usage: BenignCorpusScan [--show N] [--limit N] [label=]PATH...");
			System.exit(2);
		}
		BenignCorpusScan scan = new BenignCorpusScan(show, limit);
		scan.showCodes.addAll(showCodes);
		if (!Double.isNaN(staticBlock) || onnx) {
			scan.useClassifier(OnnxClassifierBenchmark.classifier(ClassifierMode.STATIC), onnx, staticBlock);
		}
		long started = System.nanoTime();
		for (String[] source : sources) {
			scan.scanPath(source[0], Path.of(source[1]));
		}
		scan.report(System.out, (System.nanoTime() - started) / 1_000_000_000.0);
	}

	/**
	 * Brings in the ONNX module's static tier: as the pipeline's classifier (the module's
	 * default fusion), and/or to count its probability alone against a threshold.
	 */
	private void useClassifier(OnnxPromptInjectionClassifier classifier, boolean inPipeline, double block) {
		if (inPipeline) {
			List<Scanner> scanners = new ArrayList<>();
			for (Scanner scanner : GuardPipelines.defaultInputScanners()) {
				scanners.add((scanner instanceof PromptInjectionScanner)
						? new PromptInjectionScanner(PromptInjectionSettings.defaults(), List.of(classifier))
						: scanner);
			}
			this.pipeline = GuardPipeline.builder().scanners(scanners).build();
		}
		if (!Double.isNaN(block)) {
			StaticTier tier = classifier.staticTier();
			this.staticHead = (text) -> tier.probability(classifier.tokenizer(), classifier.tokenizer().tokenize(text));
			this.staticBlock = block;
			this.staticConfirm = tier.calibration().threshold();
		}
	}

	void scanPath(String label, Path path) throws IOException {
		Tally tally = this.tallies.computeIfAbsent(label, (key) -> new Tally());
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.isRegularFile(path) && (name.endsWith(".zip") || name.endsWith(".jar"))) {
			scanZip(tally, path);
			return;
		}
		if (Files.isRegularFile(path)) {
			scanFile(tally, path);
			return;
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(path)) {
			// symbolic links are skipped: they point at files read elsewhere
			files = walk.filter((file) -> Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList();
		}
		for (Path file : files) {
			if (tally.pieces >= this.limit) {
				break;
			}
			scanFile(tally, file);
		}
	}

	private void scanFile(Tally tally, Path file) throws IOException {
		String name = file.getFileName().toString();
		String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
		if (skipped(base) || Files.size(file) > BenignText.MAX_FILE_BYTES) {
			return;
		}
		String text;
		try {
			text = BenignText.decode(name, Files.readAllBytes(file));
		}
		catch (IOException ex) {
			// a corrupt archive or an unreadable file is not part of the corpus
			return;
		}
		if (text != null) {
			scanText(tally, file.toString(), base, text);
		}
	}

	static boolean skipped(String name) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return false;
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		return SKIPPED_EXTENSIONS.contains("|" + extension + "|");
	}

	private void scanZip(Tally tally, Path zip) throws IOException {
		try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
			ZipEntry entry;
			while ((entry = entries.getNextEntry()) != null && tally.pieces < this.limit) {
				if (!entry.isDirectory() && entry.getName().endsWith(".java")) {
					String source = new String(entries.readNBytes(BenignText.MAX_FILE_BYTES), StandardCharsets.UTF_8);
					scanText(tally, zip + "!" + entry.getName(), entry.getName(), source);
				}
			}
		}
	}

	void scanText(Tally tally, String where, String name, String text) {
		tally.files++;
		tally.chars += text.length();
		for (String paragraph : BenignText.paragraphs(name, text)) {
			for (BenignText.Piece piece : BenignText.pieces(paragraph)) {
				if (tally.pieces >= this.limit) {
					return;
				}
				if (this.seen.add(hash(piece.text()))) {
					scanPiece(tally, where, piece);
				}
			}
		}
	}

	/**
	 * The prompt-sized pieces of a path as this scan cuts them (de-duplicated), without
	 * scanning them: benign text for training and testing classifiers.
	 * @param path a directory, file, or {@code .zip}/{@code .jar} of Java sources
	 * @param limit the most pieces
	 * @return the pieces
	 * @throws IOException if the path cannot be read
	 */
	public static List<String> collect(Path path, long limit) throws IOException {
		BenignCorpusScan scan = new BenignCorpusScan(0, limit);
		scan.collected = new ArrayList<>();
		scan.scanPath("collect", path);
		return scan.collected;
	}

	private void scanPiece(Tally tally, String where, BenignText.Piece piece) {
		if (this.collected != null) {
			this.collected.add(piece.text());
			tally.pieces++;
			return;
		}
		Verdict verdict = this.pipeline.scan(piece.text());
		tally.pieces++;
		if (this.staticHead != null) {
			double probability = this.staticHead.applyAsDouble(piece.text());
			tally.staticBlock += (probability >= this.staticBlock) ? 1 : 0;
			tally.staticConfirm += (probability >= this.staticConfirm) ? 1 : 0;
		}
		if (piece.sentence()) {
			tally.sentences++;
		}
		for (Finding finding : verdict.findings()) {
			tally.findings.merge(finding.code(), 1L, Long::sum);
		}
		if (!verdict.isBlocked()) {
			return;
		}
		tally.blocked++;
		if (piece.sentence()) {
			tally.blockedSentences++;
		}
		for (String code : codes(verdict.blocking())) {
			tally.blocking.merge(code, 1L, Long::sum);
		}
		if (tally.shown.size() < this.show && (this.showCodes.isEmpty()
				|| verdict.blocking().stream().anyMatch((finding) -> this.showCodes.contains(finding.code())))) {
			tally.shown.add(where + "  " + codes(verdict.blocking()) + "\n    " + piece.text().replace("\n", "\n    "));
		}
	}

	private static List<String> codes(List<Finding> findings) {
		return findings.stream().map(Finding::code).distinct().toList();
	}

	void report(PrintStream out, double seconds) {
		Tally total = new Tally();
		out.printf(Locale.ROOT, "%-14s %7s %11s %9s %9s %8s %8s  %s%n", "source", "files", "chars", "pieces",
				"sentences", "blocked", "rate", "blocking codes");
		for (Map.Entry<String, Tally> entry : this.tallies.entrySet()) {
			Tally tally = entry.getValue();
			print(out, entry.getKey(), tally);
			total.add(tally);
		}
		print(out, "all", total);
		out.printf(Locale.ROOT, "blocked paragraphs %d of %d, sentences %d of %d; %.1f s%n",
				total.blocked - total.blockedSentences, total.pieces - total.sentences, total.blockedSentences,
				total.sentences, seconds);
		out.println("findings at or above their report floor, all pieces: " + total.findings);
		if (this.staticHead != null) {
			for (Map.Entry<String, Tally> entry : this.tallies.entrySet()) {
				printStatic(out, entry.getKey(), entry.getValue());
			}
			printStatic(out, "all", total);
		}
		for (Map.Entry<String, Tally> entry : this.tallies.entrySet()) {
			for (String shown : entry.getValue().shown) {
				out.println("[" + entry.getKey() + "] " + shown);
			}
		}
	}

	private static void print(PrintStream out, String label, Tally tally) {
		double rate = (tally.pieces == 0) ? 0 : (double) tally.blocked / tally.pieces;
		out.printf(Locale.ROOT, "%-14s %7d %11d %9d %9d %8d %7.4f%%  %s%n", label, tally.files, tally.chars,
				tally.pieces, tally.sentences, tally.blocked, 100 * rate, tally.blocking);
	}

	private void printStatic(PrintStream out, String label, Tally tally) {
		double pieces = Math.max(1, tally.pieces);
		out.printf(Locale.ROOT, "static tier %-14s p >= %.4f: %d (%.3f%%)  p >= %.4f (confirm): %d (%.3f%%)%n", label,
				this.staticBlock, tally.staticBlock, 100 * tally.staticBlock / pieces, this.staticConfirm,
				tally.staticConfirm, 100 * tally.staticConfirm / pieces);
	}

	Map<String, Tally> tallies() {
		return this.tallies;
	}

	/**
	 * Two independent 32-bit hashes of the text, so collisions among millions stay
	 * unlikely.
	 */
	static long hash(String text) {
		int fnv = 0x811c9dc5;
		for (int i = 0; i < text.length(); i++) {
			fnv = (fnv ^ text.charAt(i)) * 0x01000193;
		}
		return ((long) text.hashCode() << 32) | (fnv & 0xffffffffL);
	}

	/** Counts of one source. */
	static final class Tally {

		long files;

		long chars;

		long pieces;

		long sentences;

		long blocked;

		long blockedSentences;

		long staticBlock;

		long staticConfirm;

		final Map<String, Long> blocking = new TreeMap<>();

		final Map<String, Long> findings = new TreeMap<>();

		final List<String> shown = new ArrayList<>();

		void add(Tally other) {
			this.files += other.files;
			this.chars += other.chars;
			this.pieces += other.pieces;
			this.sentences += other.sentences;
			this.blocked += other.blocked;
			this.blockedSentences += other.blockedSentences;
			this.staticBlock += other.staticBlock;
			this.staticConfirm += other.staticConfirm;
			other.blocking.forEach((code, count) -> this.blocking.merge(code, count, Long::sum));
			other.findings.forEach((code, count) -> this.findings.merge(code, count, Long::sum));
		}

	}

	/**
	 * An open-addressing set of longs: millions of piece hashes without a boxed object
	 * each.
	 */
	static final class LongSet {

		private long[] slots = new long[1 << 16];

		private boolean hasZero;

		private int size;

		boolean add(long value) {
			if (value == 0) {
				boolean added = !this.hasZero;
				this.hasZero = true;
				return added;
			}
			if (2 * (this.size + 1) > this.slots.length) {
				grow();
			}
			if (!insert(this.slots, value)) {
				return false;
			}
			this.size++;
			return true;
		}

		private static boolean insert(long[] slots, long value) {
			int mask = slots.length - 1;
			int i = (int) (value ^ (value >>> 29)) * 0x9E3779B9 & mask;
			while (slots[i] != 0) {
				if (slots[i] == value) {
					return false;
				}
				i = (i + 1) & mask;
			}
			slots[i] = value;
			return true;
		}

		private void grow() {
			long[] larger = new long[this.slots.length * 2];
			for (long value : this.slots) {
				if (value != 0) {
					insert(larger, value);
				}
			}
			this.slots = larger;
		}

	}

}
