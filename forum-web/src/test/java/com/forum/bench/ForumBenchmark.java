package com.forum.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.forum.bench.BenchSeeder.Member;
import com.forum.bench.BenchSeeder.Volume;

/**
 * {@code ./forum bench}: the forum under load, as people and programs use it. Starts the stack with
 * production settings ({@link BenchStack}), fills it through the real write paths ({@link BenchSeeder})
 * or restores the snapshot an earlier run left, then runs each scenario with wrk, a separate process,
 * at 16, 64 and 256 connections, and prints one table: requests/s, p50, p99, errors and the app's
 * processor seconds per 1,000 requests, then every process's resident memory. The figures go to
 * {@code docs/performance/runs/} with the date and machine, and the latest into
 * {@code docs/PERFORMANCE.md} with a chart.
 * <p>
 * Options: {@code --scale=1} (the data set's size; 0.01 for a quick try), {@code --seconds=10} (each run),
 * {@code --connections=16,64,256}, {@code --only=name,...} (scenarios whose name starts so),
 * {@code --reseed}, {@code --seed-only} (make the snapshot and stop), {@code --es-heap=512m}, {@code --app-jvm="-Xmx512m"}, {@code --no-docs}.
 * <p>
 * {@code --nodes=N} (2 or more) measures the cluster against one node: N app nodes on the same services,
 * nginx in front of them on one port and in front of node 1 alone on another, and each run made through
 * both, one after the other; the table ({@link NodesReport}) goes to {@code docs/performance/nodes.md}.
 */
public final class ForumBenchmark {

	/** Bumped whenever the seeding changes what it writes, so an old snapshot is not reused. */
	private static final String SEED_VERSION = "1";

	private static final PrintStream out = System.out;

	private final Options options;

	private final Path root = Path.of(".forum", "bench").toAbsolutePath();

	private ForumBenchmark(Options options) {
		this.options = options;
	}

	record Options(double scale, int seconds, List<Integer> connections, List<String> only, boolean reseed,
			boolean seedOnly, String elasticsearchHeap, List<String> appJvm, boolean docs, Path jar, int nodes) {

		static Options parse(String[] args) {
			Map<String, String> given = given(args, List.of("scale", "seconds", "connections", "only", "reseed",
					"es-heap", "app-jvm", "no-docs", "jar", "seed-only", "nodes"));
			return new Options(Double.parseDouble(given.getOrDefault("scale", "1")),
					Integer.parseInt(given.getOrDefault("seconds", "10")),
					Arrays.stream(given.getOrDefault("connections", "16,64,256").split(","))
						.map(String::strip)
						.map(Integer::parseInt)
						.toList(),
					given.containsKey("only") ? List.of(given.get("only").split(",")) : List.of(),
					given.containsKey("reseed"), given.containsKey("seed-only"), given.getOrDefault("es-heap", "512m"),
					List.of(given.getOrDefault("app-jvm", "-Xmx512m").trim().split("\\s+")), !given.containsKey("no-docs"),
					Path.of(given.getOrDefault("jar", "forum-web/target/forum-web-0.1.0-SNAPSHOT.jar")),
					Integer.parseInt(given.getOrDefault("nodes", "1")));
		}

		/** {@code --name=value} and {@code --flag} ("true") by name; an option not known is refused. */
		static Map<String, String> given(String[] args, List<String> known) {
			Map<String, String> given = new LinkedHashMap<>();
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				given.put(pair[0], pair.length == 2 ? pair[1] : "true");
			}
			given.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
				throw new IllegalArgumentException("unknown option --" + key + " (known: " + known + ")");
			});
			return given;
		}
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		int exit = new ForumBenchmark(options).run() ? 0 : 1;
		System.exit(exit);
	}

	private boolean run() throws Exception {
		Volume volume = Volume.FULL.scaled(options.scale());
		// the cluster's run on ports of its own, so that it may run beside a one-node run of another checkout
		BenchStack stack = options.nodes() > 1
				? new BenchStack(root, options.jar(), options.appJvm(), BenchStack.POSTGRES_PORT + 10,
						BenchStack.REDIS_PORT + 10, BenchStack.ELASTICSEARCH_PORT + 10)
				: new BenchStack(root, options.jar(), options.appJvm());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				stack.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		Snapshot snapshot = new Snapshot(root.resolve("snapshot"), stack.dataDir(), seedKey(volume));
		out.printf("Forum benchmark: %s%n", volume);
		if (options.reseed() || !snapshot.matches()) {
			seed(stack, volume, snapshot);
		}
		if (options.seedOnly()) {
			return true;
		}
		else {
			out.println("restoring the data set from " + snapshot.dir() + " ...");
			snapshot.restore();
		}
		stack.startServices(options.elasticsearchHeap());
		stack.startApp(List.of());
		out.printf("app started in %.1f s (cold start, from launching the JVM to the first page)%n",
				stack.coldStart().toMillis() / 1000.0);
		JdbcTemplate db = jdbc(stack);
		List<Member> members = BenchSeeder.loadMembers(snapshot.members());
		Thread.sleep(5000); // let start-up work (index checks, caches, sweeps) settle before measuring rest
		Map<String, Long> atRest = stack.memory();

		if (options.nodes() > 1) {
			return compareNodes(stack, db, members, volume);
		}
		BenchScenarios scenarios = new BenchScenarios(stack.baseUrl(), db, members, root.resolve("requests"),
				options.seconds(), out);
		List<ScenarioResult> results = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<BenchScenarios.Scenario> runnable = runnable(scenarios, notes);
		boolean passed = notes.isEmpty();
		for (BenchScenarios.Scenario scenario : runnable) {
			scenarios.warmUp(scenario);
			boolean failing = false;
			BenchScenarios.SearchProbe probe = scenario.name().equals("create reply") ? scenarios.probe() : null;
			for (int connections : options.connections()) {
				Duration cpuBefore = stack.appCpu();
				ScenarioResult result = scenarios.run(scenario, connections, cpuBefore, stack::appCpu);
				results.add(result);
				failing |= result.errors() > 0;
				out.printf("  %-28s %4d conn  %,9.0f req/s  p50 %7.1f ms  p99 %8.1f ms  %,d errors  %.2f CPU s/1k%n",
						result.scenario(), connections, result.requestsPerSecond(), result.p50Millis(),
						result.p99Millis(), result.errors(), result.appCpuSecondsPerThousand());
			}
			if (failing) {
				String sample = scenarios.errorSample(scenario);
				out.println("  errors: " + sample);
				notes.add(scenario.name() + ": " + sample);
			}
			if (probe != null) {
				probe.close();
				out.println("  " + probe.summary());
				notes.add(scenario.name() + ": " + probe.summary());
			}
			String after = scenarios.afterwards(scenario);
			if (after != null) {
				out.println("  " + after);
				notes.add(scenario.name() + ": " + after);
				passed &= !after.contains("MISMATCH");
			}
		}
		Map<String, Long> loaded = stack.memory();
		Report report = new Report(volume, stack.coldStart(), atRest, loaded, results, notes, options);
		report.print(out);
		if (options.docs()) {
			report.write(Path.of("docs"));
		}
		stack.close();
		return passed;
	}

	/**
	 * The scenarios {@code --only} chose whose first requests answer as they should; each other one is
	 * named in the notes.
	 */
	private List<BenchScenarios.Scenario> runnable(BenchScenarios scenarios, List<String> notes)
			throws IOException, InterruptedException {
		List<BenchScenarios.Scenario> runnable = new ArrayList<>();
		for (BenchScenarios.Scenario scenario : scenarios.all()) {
			if (!options.only().isEmpty() && options.only().stream().noneMatch(scenario.name()::startsWith)) {
				continue;
			}
			BenchScenarios.Check check = scenarios.check(scenario);
			if (check.ok()) {
				runnable.add(scenario);
			}
			else {
				out.println(scenario.name() + ": not run, " + check.problem());
				notes.add(scenario.name() + ": not run, " + check.problem());
			}
		}
		return runnable;
	}

	/**
	 * The same scenarios through nginx to node 1 alone and to all nodes, alternating at each number of
	 * connections, so that both meet the same data, caches and machine load.
	 */
	private boolean compareNodes(BenchStack stack, JdbcTemplate db, List<Member> members, Volume volume)
			throws Exception {
		stack.startMoreApps(options.nodes(), List.of());
		int onePort = BenchStack.freePort();
		int allPort = BenchStack.freePort();
		List<Integer> everyNode = java.util.stream.IntStream.range(0, options.nodes()).boxed().toList();
		stack.startBalancer(Map.of(onePort, List.of(0), allPort, everyNode));
		String one = "http://127.0.0.1:" + onePort;
		String all = "http://127.0.0.1:" + allPort;
		out.printf("%d app nodes behind nginx: %s (node 1 alone), %s (all nodes)%n", options.nodes(), one, all);
		BenchScenarios scenarios = new BenchScenarios(all, db, members, root.resolve("requests"), options.seconds(), out);
		List<NodesReport.Pair> pairs = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<BenchScenarios.Scenario> runnable = runnable(scenarios, notes);
		boolean passed = notes.isEmpty();
		for (BenchScenarios.Scenario scenario : runnable) {
			scenarios.warmUp(scenario);
			for (int connections : options.connections()) {
				scenarios.aimAt(one);
				ScenarioResult alone = scenarios.run(scenario, connections, stack.appCpu(), stack::appCpu);
				scenarios.aimAt(all);
				ScenarioResult together = scenarios.run(scenario, connections, stack.appCpu(), stack::appCpu);
				NodesReport.Pair pair = new NodesReport.Pair(alone, together);
				pairs.add(pair);
				out.printf("  %-28s %4d conn  1 node %,8.0f req/s (p99 %7.1f ms)  %d nodes %,8.0f req/s (p99 %7.1f ms)  x%.2f  %,d errors%n",
						scenario.name(), connections, alone.requestsPerSecond(), alone.p99Millis(), options.nodes(),
						together.requestsPerSecond(), together.p99Millis(), pair.ratio(),
						alone.errors() + together.errors());
			}
			String after = scenarios.afterwards(scenario);
			if (after != null) {
				notes.add(scenario.name() + ": " + after);
				passed &= !after.contains("MISMATCH");
			}
		}
		NodesReport report = new NodesReport(options.nodes(), volume, pairs, notes, options);
		out.println();
		out.println(report.markdown());
		if (options.docs()) {
			report.write(Path.of("docs"));
		}
		stack.close();
		return passed;
	}

	private void seed(BenchStack stack, Volume volume, Snapshot snapshot) throws Exception {
		out.println("seeding a new data set (once; later runs restore its snapshot) ...");
		stack.stopServices();
		Snapshot.delete(stack.dataDir());
		stack.startServices(options.elasticsearchHeap());
		JdbcTemplate db = jdbc(stack);
		// Seeding commits hundreds of small transactions a second, each waiting for the disk to flush the log
		// (4 ms here); the seeding does not need that promise, as it starts over if it is cut short. Its
		// snapshot is taken after a clean shutdown, and the measured runs commit durably again.
		db.execute("alter database forum set synchronous_commit = off");
		stack.startApp(List.of("--forum.demo-data.enabled=true"));
		BenchSeeder seeder = new BenchSeeder(stack.baseUrl(), db, 32, out);
		long started = System.nanoTime();
		List<Member> members = seeder.writeMembers(volume.members());
		out.printf("  members   %,d written in bulk%n", members.size());
		seeder.seed(volume, members);
		seeder.awaitQuiet();
		db.execute("alter database forum reset synchronous_commit");
		out.printf("seeded in %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
		stack.stopApp();
		Path elasticsearchData = stack.services().elasticsearchDataDir();
		stack.stopServices();
		snapshot.take(members, elasticsearchData);
	}

	private static String seedKey(Volume volume) {
		return SEED_VERSION + " " + volume;
	}

	static JdbcTemplate jdbc(BenchStack stack) {
		Map<String, Object> connection = stack.services().connectionProperties();
		return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
				(String) connection.get("spring.datasource.url"), (String) connection.get("spring.datasource.username"),
				(String) connection.get("spring.datasource.password")));
	}

	/**
	 * A copy of the seeded data (PostgreSQL, Redis and Elasticsearch, taken with the services stopped), so a
	 * second run starts from the same data in seconds instead of seeding again, and the writes of one run
	 * never carry into the next.
	 */
	record Snapshot(Path dir, Path dataDir, String key) {

		Path members() {
			return dir.resolve("members.tsv");
		}

		boolean matches() throws IOException {
			Path manifest = dir.resolve("manifest.properties");
			if (!Files.exists(manifest)) {
				return false;
			}
			Properties properties = new Properties();
			try (var reader = Files.newBufferedReader(manifest)) {
				properties.load(reader);
			}
			return key.equals(properties.getProperty("key"));
		}

		void take(List<Member> members, Path elasticsearchData) throws IOException, InterruptedException {
			delete(dir);
			Files.createDirectories(dir);
			copy(dataDir, dir.resolve("data"));
			boolean apart = !elasticsearchData.startsWith(dataDir);
			if (apart) {
				copy(elasticsearchData, dir.resolve("elasticsearch"));
			}
			BenchSeeder.saveMembers(members, members());
			Properties properties = new Properties();
			properties.setProperty("key", key);
			properties.setProperty("taken", LocalDateTime.now().toString());
			if (apart) {
				properties.setProperty("elasticsearch-data", elasticsearchData.toString());
			}
			try (var writer = Files.newBufferedWriter(dir.resolve("manifest.properties"))) {
				properties.store(writer, "./forum bench data set");
			}
		}

		void restore() throws IOException, InterruptedException {
			delete(dataDir);
			copy(dir.resolve("data"), dataDir);
			Properties properties = new Properties();
			try (var reader = Files.newBufferedReader(dir.resolve("manifest.properties"))) {
				properties.load(reader);
			}
			String elasticsearch = properties.getProperty("elasticsearch-data");
			if (elasticsearch != null) {
				delete(Path.of(elasticsearch));
				copy(dir.resolve("elasticsearch"), Path.of(elasticsearch));
			}
		}

		/** With cp, which keeps owners and modes: PostgreSQL and Elasticsearch run as another user. */
		private static void copy(Path from, Path to) throws IOException, InterruptedException {
			Files.createDirectories(to.getParent());
			exec("cp", "-a", from.toString(), to.toString());
		}

		static void delete(Path path) throws IOException, InterruptedException {
			if (Files.exists(path)) {
				exec("rm", "-rf", path.toString());
			}
		}

		private static void exec(String... command) throws IOException, InterruptedException {
			Process process = new ProcessBuilder(command).inheritIO().start();
			if (process.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed with " + process.exitValue());
			}
		}
	}

	// ---------------------------------------------------------------- signing in for the page scenarios

	/** Signs members in through the login form; returns their session cookies ("NAME=value"). */
	static List<String> sessions(String baseUrl, List<Member> members) throws IOException, InterruptedException {
		List<String> cookies = new ArrayList<>();
		Pattern csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
		for (Member member : members) {
			CookieManager jar = new CookieManager();
			HttpClient http = HttpClient.newBuilder().cookieHandler(jar).build();
			String login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher token = csrf.matcher(login);
			String form = "username=" + encode(member.username()) + "&password=" + encode(BenchSeeder.PASSWORD)
					+ (token.find() ? "&_csrf=" + encode(token.group(1)) : "");
			HttpResponse<Void> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			String location = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("signing in " + member.username() + " answered "
						+ signedIn.statusCode() + " " + location);
			}
			cookies.add(jar.getCookieStore()
				.get(URI.create(baseUrl))
				.stream()
				.filter(cookie -> cookie.getName().equals("JSESSIONID"))
				.map(HttpCookie::toString)
				.collect(Collectors.joining("; ")));
		}
		return cookies;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String machine() {
		String model = "";
		try {
			model = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("");
		}
		catch (IOException ex) {
			// not Linux: the core count says enough
		}
		long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize();
		return "%d cores%s, %.0f GiB".formatted(Runtime.getRuntime().availableProcessors(),
				model.isEmpty() ? "" : " (" + model + ")", memory / (1024.0 * 1024 * 1024));
	}

	static String now() {
		return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
	}
}
