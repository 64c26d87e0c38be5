package dev.aisecurity.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds of the detection engine in one JVM, so that a busy machine slows
 * both alike: each build's {@code dev.aisecurity.guard} classes (two
 * {@code target/classes} directories) are loaded by a class loader of their own, and the
 * default input and output pipelines of the two run in alternating short rounds on the 16
 * KB prompt and answer of the JMH benchmarks. Each round is timed in thread CPU time; the
 * report gives, per pipeline and build, the best and the median round and the ratio of
 * the medians. Decisions are compared too: the two builds must agree.
 * <p>
 * Run (from the repository root, after {@code package} of the benchmarks):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.SideBySide
 * --old OLD/ai-security-autoconfigure/target/classes --new
 * ai-security-autoconfigure/target/classes [--rounds 40] [--calls 200] [--only SecretScanner]}
 * ({@code --only}: that default scanner alone, in each direction where it runs).
 */
public final class SideBySide {

	private static final String ENGINE = "dev.aisecurity.guard.";

	private SideBySide() {
	}

	public static void main(String[] args) throws Exception {
		Path oldClasses = null;
		Path newClasses = null;
		int rounds = 40;
		int calls = 200;
		String only = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--old" -> oldClasses = Path.of(args[++i]);
				case "--new" -> newClasses = Path.of(args[++i]);
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--calls" -> calls = Integer.parseInt(args[++i]);
				case "--only" -> only = args[++i];
				default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
			}
		}
		if (oldClasses == null || newClasses == null) {
			throw new IllegalArgumentException("--old DIR and --new DIR are required");
		}
		String prompt = PromptTexts.realistic(16384, 42);
		String answer = ModelAnswers.generate(16384, 42);
		Build[] builds = { new Build("old", oldClasses, only), new Build("new", newClasses, only) };
		String[] names = { "input", "output" };
		String[] texts = { prompt, answer };
		for (int p = 0; p < names.length; p++) {
			String oldVerdict = builds[0].verdict(p, texts[p]);
			String newVerdict = builds[1].verdict(p, texts[p]);
			if (!oldVerdict.equals(newVerdict)) {
				System.out.printf("%s: DECISIONS DIFFER: old %s, new %s%n", names[p], oldVerdict, newVerdict);
			}
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[][][] nanos = new long[names.length][builds.length][rounds];
		// warm-up: the JIT needs calls, not seconds
		for (int p = 0; p < names.length; p++) {
			for (Build build : builds) {
				for (int i = 0; i < 20 * calls; i++) {
					build.scan(p, texts[p]);
				}
			}
		}
		for (int round = 0; round < rounds; round++) {
			for (int p = 0; p < names.length; p++) {
				for (int b = 0; b < builds.length; b++) {
					// A B, then B A: neither build always runs second
					Build build = builds[(round % 2 == 0) ? b : builds.length - 1 - b];
					long start = threads.getCurrentThreadCpuTime();
					for (int i = 0; i < calls; i++) {
						build.scan(p, texts[p]);
					}
					long spent = threads.getCurrentThreadCpuTime() - start;
					nanos[p][(build == builds[0]) ? 0 : 1][round] = spent;
				}
			}
		}
		for (int p = 0; p < names.length; p++) {
			double[] medians = new double[builds.length];
			for (int b = 0; b < builds.length; b++) {
				long[] sorted = nanos[p][b].clone();
				Arrays.sort(sorted);
				double best = sorted[0] / 1000.0 / calls;
				medians[b] = sorted[rounds / 2] / 1000.0 / calls;
				System.out.printf(Locale.ROOT, "%-6s %-3s best %7.1f us  median %7.1f us  (%.0f MB/s at the median)%n",
						names[p], builds[b].name, best, medians[b], texts[p].length() / medians[b]);
			}
			System.out.printf(Locale.ROOT, "%-6s new/old median %.3f%n", names[p], medians[1] / medians[0]);
		}
	}

	/**
	 * One build of the engine, behind a class loader of its own.
	 */
	private static final class Build {

		final String name;

		private final Object[] pipelines;

		private final Object[] contexts;

		private final Method scan;

		/**
		 * @param only the simple class name of the one default scanner to run (with the
		 * preprocessing every pipeline does), or {@code null} for the whole pipelines
		 */
		Build(String name, Path classes, String only) throws Exception {
			this.name = name;
			ClassLoader loader = new EngineLoader(classes, SideBySide.class.getClassLoader());
			Class<?> pipelines = loader.loadClass(ENGINE + "GuardPipelines");
			Class<?> context = loader.loadClass(ENGINE + "ScanContext");
			if (only == null) {
				this.pipelines = new Object[] { pipelines.getMethod("defaultInput").invoke(null),
						pipelines.getMethod("defaultOutput").invoke(null) };
			}
			else {
				Class<?> direction = loader.loadClass(ENGINE + "Direction");
				this.pipelines = new Object[] {
						single(loader, (List<?>) pipelines.getMethod("defaultInputScanners").invoke(null),
								direction.getField("INPUT").get(null), only),
						single(loader, (List<?>) pipelines.getMethod("defaultOutputScanners").invoke(null),
								direction.getField("OUTPUT").get(null), only) };
			}
			this.contexts = new Object[] { context.getMethod("input").invoke(null),
					context.getMethod("output", String.class).invoke(null, ModelAnswers.SYSTEM_PROMPT) };
			this.scan = this.pipelines[0].getClass().getMethod("scan", String.class, context);
		}

		/** A pipeline of the named scanner alone. */
		private static Object single(ClassLoader loader, List<?> scanners, Object direction, String only)
				throws Exception {
			List<Object> kept = new ArrayList<>();
			for (Object scanner : scanners) {
				if (scanner.getClass().getSimpleName().equals(only)) {
					kept.add(scanner);
				}
			}
			Object builder = loader.loadClass(ENGINE + "GuardPipeline").getMethod("builder").invoke(null);
			builder.getClass().getMethod("direction", direction.getClass()).invoke(builder, direction);
			builder.getClass().getMethod("scanners", Iterable.class).invoke(builder, kept);
			return builder.getClass().getMethod("build").invoke(builder);
		}

		Object scan(int pipeline, String text) throws Exception {
			return this.scan.invoke(this.pipelines[pipeline], text, this.contexts[pipeline]);
		}

		String verdict(int pipeline, String text) throws Exception {
			Object verdict = scan(pipeline, text);
			List<String> parts = new ArrayList<>();
			for (String accessor : new String[] { "decision", "reasonCodes", "text" }) {
				Object value = verdict.getClass().getMethod(accessor).invoke(verdict);
				parts.add(accessor.equals("text") ? Integer.toHexString(String.valueOf(value).hashCode())
						: String.valueOf(value));
			}
			return parts.toString();
		}

	}

	/**
	 * Loads the engine's classes from one directory before asking its parent, so that two
	 * builds of them live side by side; everything else comes from the parent.
	 */
	private static final class EngineLoader extends ClassLoader {

		private final Path classes;

		EngineLoader(Path classes, ClassLoader parent) {
			super(parent);
			this.classes = classes;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith(ENGINE)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = define(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		private Class<?> define(String name) throws ClassNotFoundException {
			Path file = this.classes.resolve(name.replace('.', '/') + ".class");
			if (!Files.isRegularFile(file)) {
				return super.loadClass(name, false);
			}
			try (InputStream in = Files.newInputStream(file)) {
				byte[] bytes = in.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

		@Override
		public InputStream getResourceAsStream(String name) {
			Path file = this.classes.resolve(name);
			if (Files.isRegularFile(file)) {
				try {
					return Files.newInputStream(file);
				}
				catch (IOException ex) {
					return null;
				}
			}
			return super.getResourceAsStream(name);
		}

	}

}
