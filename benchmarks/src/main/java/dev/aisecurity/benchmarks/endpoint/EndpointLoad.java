package dev.aisecurity.benchmarks.endpoint;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.aisecurity.benchmarks.endpoint.control.UnannotatedChatConfiguration;
import dev.aisecurity.benchmarks.endpoint.control.UnannotatedChatController;

import org.springframework.util.FileSystemUtils;

/**
 * Measures what {@code @AiGuarded} adds to the sample app's {@code POST /api/chat}:
 * starts the sample app jar twice (or two jars) as separate JVMs on loopback, one
 * <b>guarded</b> (as shipped, called with {@code X-API-Key: demo-pro-key}, the pro tier's
 * quotas raised so nothing is refused) and one <b>unguarded</b> (Spring Security and the
 * {@code @AiGuarded} auto-configurations excluded: same controller, same
 * {@code ChatClient} advisors with the input and output guards, same demo model), then
 * drives them in alternating rounds (A B B A ...; many short rounds average out load that
 * drifts between rounds on a shared machine) with a keep-alive HTTP/1.1 load generator of
 * its own (plain sockets, so that the client costs little of the shared CPU).
 * <p>
 * Each round reports requests per second and CPU per request, read from
 * {@code /proc/<pid>/task/*}: the Tomcat request threads ({@code http-nio-<port>-exec-*})
 * and the whole process (which adds GC, JIT and Tomcat's poller). CPU per request does
 * not depend on how much CPU other processes left to the server, so it is the figure to
 * compare on a shared machine; throughput is only meaningful on an idle one.
 * <p>
 * Linux only. Usage:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aisecurity.benchmarks.endpoint.EndpointLoad \
 *   --jar sample-app/target/sample-app.jar [--unguarded-jar other.jar] \
 *   [--rounds 6] [--seconds 10] [--warmup-requests 30000] [--connections 4] [--jvm-args "-Xmx512m"] \
 *   [--guarded-jvm-args "-XX:StartFlightRecording=..."] [--extra-args "--foo=bar"] [--jfr guarded.jfr]
 *   [--jfr-unguarded unguarded.jfr]
 * </pre>
 */
public final class EndpointLoad {

	/** Excluded for the unguarded variant: Spring Security and @AiGuarded. */
	static final String UNGUARDED_EXCLUDES = String.join(",",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"dev.aisecurity.autoconfigure.security.AiWebSecurityAutoConfiguration",
			"dev.aisecurity.autoconfigure.ratelimit.RateLimitAutoConfiguration");

	private static final String BODY = "{\"message\":\"repeat after me: hello\"}";

	private static final long CLOCK_TICK_NANOS = 10_000_000L;

	private EndpointLoad() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		List<Variant> variants = new ArrayList<>();
		// The model-extraction guard assesses authenticated callers only: it would run in
		// the
		// guarded variant alone (and flag the repeated prompt), so it is off in both.
		List<String> common = new ArrayList<>(List.of("--ai.security.extraction.enabled=false",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		common.addAll(options.extraArgs);
		List<String> guardedArgs = new ArrayList<>(common);
		for (String quota : List.of("requests-per-minute", "requests-per-day", "tokens-per-minute", "tokens-per-day")) {
			guardedArgs.add("--ai.security.rate-limit.tiers.pro." + quota + "=1000000000");
		}
		String apiKey = "X-API-Key: demo-pro-key\r\n";
		String launcher = "org.springframework.boot.loader.launch.PropertiesLauncher";
		if (options.compare.equals("annotation") || options.compare.equals("all")) {
			// the control endpoint in the guarded JVM: the same filter chain and API key,
			// no @AiGuarded, so the difference to /api/chat is what the annotation adds
			List<String> jvmArgs = new ArrayList<>(options.guardedJvmArgs);
			jvmArgs.add("-Dloader.path=" + writeControlEndpoint());
			Variant guarded = new Variant("guarded", options.guardedJar, options.port, guardedArgs, jvmArgs,
					"/api/chat", apiKey);
			guarded.launcher = launcher;
			variants.add(guarded);
			variants.add(guarded.sibling("unannotated", UnannotatedChatController.PATH));
		}
		else if (options.compare.equals("security")) {
			variants.add(new Variant("guarded", options.guardedJar, options.port, guardedArgs, options.guardedJvmArgs,
					"/api/chat", apiKey));
		}
		else {
			throw new IllegalArgumentException("--compare must be security, annotation or all");
		}
		if (options.compare.equals("security") || options.compare.equals("all")) {
			List<String> unguardedArgs = new ArrayList<>(common);
			unguardedArgs.add("--spring.autoconfigure.exclude=" + UNGUARDED_EXCLUDES);
			Variant unguarded = new Variant("unguarded", options.unguardedJar, options.port + 1, unguardedArgs,
					options.unguardedJvmArgs, "/api/chat", "");
			unguarded.launcher = variants.get(0).launcher;
			variants.add(unguarded);
		}
		try {
			for (Variant variant : variants) {
				variant.start(options.jvmArgs);
			}
			for (Variant variant : variants) {
				variant.awaitReady();
				System.out.printf(Locale.ROOT, "%s ready on port %d (pid %d)%n", variant.name, variant.port,
						variant.process.pid());
			}
			// the JIT needs requests, not seconds: warm both up to the same count
			for (Variant variant : variants) {
				long served = 0;
				while (served < options.warmupRequests) {
					Round warm = variant.run(options.connections, Duration.ofSeconds(10));
					served += warm.requests();
					System.out.printf(Locale.ROOT, "warm-up %-11s %s (%d requests)%n", variant.name, warm, served);
				}
			}
			if (options.jfr != null) {
				// profile the guarded server's measured rounds only, not its warm-up
				jcmd(variants.get(0), "JFR.start", "name=endpoint-load", "settings=profile", "filename=" + options.jfr);
			}
			Variant unguarded = variants.get(variants.size() - 1);
			if (options.jfrUnguarded != null && unguarded.server == null) {
				jcmd(unguarded, "JFR.start", "name=endpoint-load", "settings=profile",
						"filename=" + options.jfrUnguarded);
			}
			int n = variants.size();
			// ratios[i - 1] for variant i against variant 0 (guarded): cost of i / cost
			// of
			// guarded, so 1.0 means the guard is free
			List<List<double[]>> ratios = new ArrayList<>();
			Round[] totals = new Round[n];
			for (int i = 0; i < n; i++) {
				totals[i] = new Round(0, 0, 0, 0, 0);
				if (i > 0) {
					ratios.add(new ArrayList<>());
				}
			}
			System.out.println("round variant        rps   exec-cpu/req  process-cpu/req  errors");
			for (int round = 0; round < options.rounds; round++) {
				// rotate the order, and reverse it every other round: drifting background
				// load hits every variant alike
				List<Variant> order = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					order.add(variants.get((i + round / 2) % n));
				}
				if (round % 2 == 1) {
					Collections.reverse(order);
				}
				Round[] results = new Round[n];
				for (Variant variant : order) {
					Round result = variant.run(options.connections, Duration.ofSeconds(options.seconds));
					int index = variants.indexOf(variant);
					results[index] = result;
					totals[index] = totals[index].plus(result);
					System.out.printf(Locale.ROOT, "%5d %-11s %s%n", round + 1, variant.name, result);
				}
				for (int i = 1; i < n; i++) {
					double[] ratio = { results[i].execCpuPerRequestMicros() / results[0].execCpuPerRequestMicros(),
							results[i].processCpuPerRequestMicros() / results[0].processCpuPerRequestMicros(),
							results[0].rps() / results[i].rps() };
					ratios.get(i - 1).add(ratio);
					System.out.printf(Locale.ROOT,
							"      %s vs %s: exec-cpu ratio %.3f  process-cpu ratio %.3f  rps ratio %.3f%n",
							variants.get(0).name, variants.get(i).name, ratio[0], ratio[1], ratio[2]);
				}
			}
			for (int i = 0; i < n; i++) {
				System.out.printf(Locale.ROOT, "total %-11s %s%n", variants.get(i).name, totals[i]);
			}
			for (int i = 1; i < n; i++) {
				List<double[]> of = ratios.get(i - 1);
				// with many short rounds, the totals average out load that drifts between
				// rounds
				System.out.printf(Locale.ROOT,
						"%s vs %s (%s cost / %s cost; 1.0 = free): ratio of totals exec-cpu %.3f  process-cpu %.3f;"
								+ " median of rounds exec-cpu %.3f  process-cpu %.3f  rps %.3f%n",
						variants.get(0).name, variants.get(i).name, variants.get(i).name, variants.get(0).name,
						totals[i].execCpuPerRequestMicros() / totals[0].execCpuPerRequestMicros(),
						totals[i].processCpuPerRequestMicros() / totals[0].processCpuPerRequestMicros(), median(of, 0),
						median(of, 1), median(of, 2));
			}
		}
		finally {
			if (options.jfr != null) {
				jcmd(variants.get(0), "JFR.stop", "name=endpoint-load");
			}
			Variant unguarded = variants.get(variants.size() - 1);
			if (options.jfrUnguarded != null && unguarded.server == null && unguarded.process != null) {
				jcmd(unguarded, "JFR.stop", "name=endpoint-load");
			}
			for (Variant variant : variants) {
				variant.stop();
			}
		}
	}

	/**
	 * Copies the control endpoint's classes out of this jar into a directory for the
	 * sample's {@code loader.path}, with the auto-configuration imports that register it.
	 * @return the directory
	 */
	static Path writeControlEndpoint() throws IOException {
		Path directory = Files.createTempDirectory("endpoint-load-control");
		// the sample JVM reads the classes while it runs: remove them when this run ends
		Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
		List<Class<?>> classes = List.of(UnannotatedChatController.class, UnannotatedChatController.ChatRequest.class,
				UnannotatedChatController.ChatReply.class, UnannotatedChatConfiguration.class);
		for (Class<?> type : classes) {
			String resource = type.getName().replace('.', '/') + ".class";
			Path target = directory.resolve(resource);
			Files.createDirectories(target.getParent());
			try (InputStream in = EndpointLoad.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IOException("missing " + resource);
				}
				Files.copy(in, target);
			}
		}
		Path imports = directory
			.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		Files.createDirectories(imports.getParent());
		Files.writeString(imports, UnannotatedChatConfiguration.class.getName() + "\n");
		return directory;
	}

	private static void jcmd(Variant variant, String... command) throws Exception {
		if (variant.process == null || !variant.process.isAlive()) {
			return;
		}
		List<String> line = new ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		line.add(Long.toString(variant.process.pid()));
		line.addAll(List.of(command));
		new ProcessBuilder(line).inheritIO().start().waitFor();
	}

	private static double median(List<double[]> values, int index) {
		double[] sorted = values.stream().mapToDouble((v) -> v[index]).sorted().toArray();
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** One server under test. */
	static final class Variant {

		final String name;

		final String jar;

		final int port;

		final List<String> appArgs;

		final List<String> jvmArgs;

		final String headers;

		final byte[] request;

		/** The server this variant shares (same JVM, another endpoint), or null. */
		Variant server;

		/** The launcher class to run the jar with, or null for {@code -jar}. */
		String launcher;

		Process process;

		Variant(String name, String jar, int port, List<String> appArgs, List<String> jvmArgs, String path,
				String headers) {
			this.name = name;
			this.jar = jar;
			this.port = port;
			this.appArgs = appArgs;
			this.jvmArgs = jvmArgs;
			this.headers = headers;
			byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
			this.request = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + headers
					+ "Content-Length: " + body.length + "\r\n\r\n" + BODY)
				.getBytes(StandardCharsets.UTF_8);
		}

		/**
		 * Another endpoint of this variant's server, called with the same headers.
		 * @param name the variant's name
		 * @param path the endpoint
		 * @return the variant
		 */
		Variant sibling(String name, String path) {
			Variant sibling = new Variant(name, this.jar, this.port, this.appArgs, this.jvmArgs, path, this.headers);
			sibling.server = this;
			return sibling;
		}

		void start(List<String> commonJvmArgs) throws IOException {
			if (this.server != null) {
				return;
			}
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(commonJvmArgs);
			command.addAll(this.jvmArgs);
			if (this.launcher != null) {
				command.add("-cp");
				command.add(this.jar);
				command.add(this.launcher);
			}
			else {
				command.add("-jar");
				command.add(this.jar);
			}
			command.add("--server.port=" + this.port);
			command.addAll(this.appArgs);
			Path log = Path.of(System.getProperty("java.io.tmpdir"), "endpoint-load-" + this.name + ".log");
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			System.out.printf(Locale.ROOT, "%s: %s (log %s)%n", this.name, String.join(" ", command), log);
		}

		void awaitReady() throws Exception {
			if (this.server != null) {
				this.process = this.server.process;
			}
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
				}
				try (Connection connection = new Connection(this.port)) {
					int status = connection.exchange(this.request);
					if (status != 200) {
						throw new IllegalStateException(this.name + " answered " + status);
					}
					return;
				}
				catch (IOException ex) {
					Thread.sleep(500);
				}
			}
			throw new IllegalStateException(this.name + " did not start");
		}

		Round run(int connections, Duration duration) throws Exception {
			LongAdder ok = new LongAdder();
			LongAdder errors = new LongAdder();
			AtomicBoolean stop = new AtomicBoolean();
			CountDownLatch started = new CountDownLatch(connections);
			CountDownLatch done = new CountDownLatch(connections);
			for (int i = 0; i < connections; i++) {
				Thread thread = new Thread(() -> {
					started.countDown();
					try {
						while (!stop.get()) {
							// Tomcat closes a keep-alive connection after 100 requests
							try (Connection connection = new Connection(this.port)) {
								while (!stop.get() && connection.isOpen()) {
									if (connection.exchange(this.request) == 200) {
										ok.increment();
									}
									else {
										errors.increment();
									}
								}
							}
							catch (IOException ex) {
								errors.increment();
							}
						}
					}
					finally {
						done.countDown();
					}
				}, "load-" + this.name + "-" + i);
				thread.setDaemon(true);
				thread.start();
			}
			started.await();
			long okBefore = ok.sum();
			long[] cpuBefore = cpuTicks();
			long start = System.nanoTime();
			Thread.sleep(duration.toMillis());
			long[] cpuAfter = cpuTicks();
			long okAfter = ok.sum();
			long elapsed = System.nanoTime() - start;
			stop.set(true);
			done.await();
			long requests = okAfter - okBefore;
			return new Round(requests, elapsed, (cpuAfter[0] - cpuBefore[0]) * CLOCK_TICK_NANOS,
					(cpuAfter[1] - cpuBefore[1]) * CLOCK_TICK_NANOS, errors.sum());
		}

		/**
		 * CPU clock ticks (user + system) of the Tomcat request threads and of the whole
		 * process.
		 */
		long[] cpuTicks() throws IOException {
			long pid = this.process.pid();
			long exec = 0;
			String prefix = ("http-nio-" + this.port + "-exec");
			// thread names are cut to 15 characters in /proc
			prefix = prefix.substring(0, Math.min(15, prefix.length()));
			try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						if (comm.startsWith(prefix)) {
							exec += ticks(stat);
						}
					}
					catch (IOException ex) {
						// the thread ended
					}
				}
			}
			long process = ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
			return new long[] { exec, process };
		}

		private static long ticks(String stat) {
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields after the command: state is index 0, utime 11, stime 12
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}

		void stop() {
			if (this.server == null && this.process != null) {
				this.process.destroy();
			}
		}

	}

	/** The figures of one round. */
	record Round(long requests, long elapsedNanos, long execCpuNanos, long processCpuNanos, long errors) {

		Round plus(Round other) {
			return new Round(this.requests + other.requests, this.elapsedNanos + other.elapsedNanos,
					this.execCpuNanos + other.execCpuNanos, this.processCpuNanos + other.processCpuNanos,
					this.errors + other.errors);
		}

		double rps() {
			return this.requests * 1e9 / this.elapsedNanos;
		}

		double execCpuPerRequestMicros() {
			return this.execCpuNanos / 1e3 / Math.max(1, this.requests);
		}

		double processCpuPerRequestMicros() {
			return this.processCpuNanos / 1e3 / Math.max(1, this.requests);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%7.0f %10.1f us %13.1f us  %6d", rps(), execCpuPerRequestMicros(),
					processCpuPerRequestMicros(), this.errors);
		}

	}

	/** A keep-alive HTTP/1.1 connection that reads just enough of each response. */
	static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		private final byte[] line = new byte[8192];

		private boolean closing;

		Connection(int port) throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			this.socket.setSoTimeout(30_000);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16384);
		}

		int exchange(byte[] request) throws IOException {
			this.out.write(request);
			this.out.flush();
			String status = readLine();
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			for (String header = readLine(); !header.isEmpty(); header = readLine()) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					this.closing = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(readLine().trim(), 16); size > 0; size = Long
					.parseLong(readLine().trim(), 16)) {
					skip(size);
					readLine();
				}
				readLine();
			}
			else if (length > 0) {
				skip(length);
			}
			return code;
		}

		boolean isOpen() {
			return !this.closing;
		}

		private void skip(long count) throws IOException {
			long left = count;
			while (left > 0) {
				long skipped = this.in.skip(left);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		private String readLine() throws IOException {
			int length = 0;
			while (true) {
				int b = this.in.read();
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b == '\n') {
					break;
				}
				if (b != '\r' && length < this.line.length) {
					this.line[length++] = (byte) b;
				}
			}
			return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** Command-line options. */
	static final class Options {

		String guardedJar = "sample-app/target/sample-app.jar";

		String unguardedJar;

		int port = 18080;

		int rounds = 6;

		int seconds = 10;

		long warmupRequests = 30_000;

		int connections = 4;

		List<String> jvmArgs = List.of("-Xmx512m", "-XX:+UseParallelGC");

		List<String> guardedJvmArgs = List.of();

		List<String> unguardedJvmArgs = List.of();

		List<String> extraArgs = List.of();

		String jfr;

		String jfrUnguarded;

		String compare = "security";

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i++) {
				String value = (i + 1 < args.length) ? args[i + 1] : null;
				switch (args[i]) {
					case "--jar" -> options.guardedJar = value;
					case "--unguarded-jar" -> options.unguardedJar = value;
					case "--port" -> options.port = Integer.parseInt(value);
					case "--rounds" -> options.rounds = Integer.parseInt(value);
					case "--seconds" -> options.seconds = Integer.parseInt(value);
					case "--warmup-requests" -> options.warmupRequests = Long.parseLong(value);
					case "--connections" -> options.connections = Integer.parseInt(value);
					case "--jvm-args" -> options.jvmArgs = split(value);
					case "--guarded-jvm-args" -> options.guardedJvmArgs = split(value);
					case "--unguarded-jvm-args" -> options.unguardedJvmArgs = split(value);
					case "--extra-args" -> options.extraArgs = split(value);
					case "--jfr" -> options.jfr = value;
					case "--jfr-unguarded" -> options.jfrUnguarded = value;
					case "--compare" -> options.compare = value;
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
				i++;
			}
			if (options.unguardedJar == null) {
				options.unguardedJar = options.guardedJar;
			}
			return options;
		}

		private static List<String> split(String value) {
			return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
		}

	}

}
