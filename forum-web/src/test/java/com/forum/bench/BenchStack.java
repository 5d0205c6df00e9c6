package com.forum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.forum.localservices.LocalNginx;
import com.forum.localservices.LocalServices;

/**
 * The stack {@code ./forum bench} measures: PostgreSQL, Redis and Elasticsearch of its own (data under
 * {@code .forum/bench/data}, ports apart from {@code ./forum start}'s), and the deployable jar run as a
 * separate JVM with production settings, so that its processor time and memory are its own. With
 * {@code --nodes N}, N such JVMs on the same services and nginx in front of them ({@link #startBalancer}).
 */
final class BenchStack implements AutoCloseable {

	static final int POSTGRES_PORT = 54349;

	static final int REDIS_PORT = 63792;

	static final int ELASTICSEARCH_PORT = 19210;

	private static final Log log = LogFactory.getLog(BenchStack.class);

	private final Path root;

	private final Path jar;

	private final List<String> jvmOptions;

	private final int postgresPort;

	private final int redisPort;

	private final int elasticsearchPort;

	private LocalServices services;

	/** The app nodes, the first started by {@link #startApp}. */
	private final List<Node> nodes = new ArrayList<>();

	private Process balancer;

	private record Node(Process process, int port) {
	}

	private Duration coldStart;

	BenchStack(Path root, Path jar, List<String> jvmOptions) {
		this(root, jar, jvmOptions, POSTGRES_PORT, REDIS_PORT, ELASTICSEARCH_PORT);
	}

	/** A stack on ports of its own, so that two benchmarks (and their snapshots) never share services. */
	BenchStack(Path root, Path jar, List<String> jvmOptions, int postgresPort, int redisPort, int elasticsearchPort) {
		this.root = root;
		this.jar = jar;
		this.jvmOptions = jvmOptions;
		this.postgresPort = postgresPort;
		this.redisPort = redisPort;
		this.elasticsearchPort = elasticsearchPort;
	}

	Path dataDir() {
		return root.resolve("data");
	}

	void startServices(String elasticsearchHeap) {
		services = LocalServices.startPersistent(dataDir(), postgresPort, redisPort, elasticsearchPort,
				elasticsearchHeap, log);
	}

	LocalServices services() {
		return services;
	}

	/**
	 * Starts the application and waits until it serves its home page; the time from launching the JVM to that
	 * first answer is the cold start. The JVM runs the extracted jar with its AOT cache (see {@link AotCache}),
	 * as a deployment would: the first start of a new jar is a training run that makes the cache, not measured.
	 */
	void startApp(List<String> arguments) throws IOException, InterruptedException {
		AotCache cache = AotCache.of(root.resolve("app"), jar, jvmOptions);
		Path extracted = cache.extractedJar(jar);
		if (!cache.trained()) {
			log.info("Training the JVM's AOT cache for this build of the app (once per build) in " + cache.dir());
			launch(extracted, cache.trainingOptions(), arguments);
			stopApp(); // the JVM writes the cache as it exits
			if (!cache.finishTraining()) {
				log.warn("The training run wrote no AOT cache; the app starts without one");
			}
		}
		coldStart = launch(extracted, cache.trained() ? cache.useOptions() : List.of(), arguments);
	}

	/** Starts app nodes beside the first until there are {@code count}, each on the same services. */
	void startMoreApps(int count, List<String> arguments) throws IOException, InterruptedException {
		AotCache cache = AotCache.of(root.resolve("app"), jar, jvmOptions);
		while (nodes.size() < count) {
			launch(cache.extractedJar(jar), cache.trained() ? cache.useOptions() : List.of(), arguments);
		}
	}

	/**
	 * nginx in front of the app nodes: for each listening port, the nodes (numbered from 0) it balances
	 * over. Returns once every port answers the home page.
	 */
	void startBalancer(Map<Integer, List<Integer>> nodesByPort) throws IOException, InterruptedException {
		Map<Integer, List<Integer>> upstreams = new LinkedHashMap<>();
		nodesByPort.forEach((listen, group) -> upstreams.put(listen, group.stream().map(i -> nodes.get(i).port()).toList()));
		Path dir = root.resolve("nginx");
		LocalNginx.configure(dir, upstreams);
		balancer = new ProcessBuilder(LocalNginx.command(dir)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("logs").resolve("nginx.log").toFile()))
			.start();
		HttpClient http = HttpClient.newHttpClient();
		for (int listen : upstreams.keySet()) {
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!answersHome(http, "http://127.0.0.1:" + listen)) {
				if (!balancer.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("nginx did not start; see " + LocalNginx.errorLog(dir));
				}
				Thread.sleep(100);
			}
		}
	}

	private static boolean answersHome(HttpClient http, String baseUrl) throws InterruptedException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private Duration launch(Path extractedJar, List<String> aotOptions, List<String> arguments)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(aotOptions);
		command.addAll(List.of("-jar", extractedJar.toString(), "--server.port=" + port,
				"--spring.config.additional-location=optional:file:config/bench/bench-app.yml"));
		services.connectionProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		command.addAll(arguments);
		Path logFile = root.resolve("logs").resolve(nodes.isEmpty() ? "app.log" : "app-" + (nodes.size() + 1) + ".log");
		Files.createDirectories(logFile.getParent());
		long started = System.nanoTime();
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		nodes.add(new Node(app, port));
		HttpClient http = HttpClient.newHttpClient();
		while (true) {
			if (!app.isAlive()) {
				throw new IllegalStateException("The application ended with " + app.exitValue() + "; see " + logFile);
			}
			if (answersHome(http, "http://127.0.0.1:" + port)) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			if (Duration.ofNanos(System.nanoTime() - started).toMinutes() >= 5) {
				throw new IllegalStateException("The application did not answer within 5 minutes; see " + logFile);
			}
			Thread.sleep(50);
		}
	}

	/** The first app node, directly. */
	String baseUrl() {
		return "http://127.0.0.1:" + nodes.get(0).port();
	}

	Duration coldStart() {
		return coldStart;
	}

	ProcessHandle app() {
		return nodes.get(0).process().toHandle();
	}

	/** Processor time of every app node together. */
	Duration appCpu() {
		return nodes.stream()
			.map(node -> node.process().toHandle().info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	void stopApp() throws InterruptedException {
		if (balancer != null) {
			balancer.destroy();
			balancer.waitFor();
			balancer = null;
		}
		for (Node node : nodes) {
			Process app = node.process();
			if (app.isAlive()) {
				app.destroy(); // SIGTERM: a graceful shutdown, as a deployment would stop it
			}
		}
		for (Node node : nodes) {
			// minutes, not seconds: a training run assembles the AOT cache on its way out (about 20 s here)
			if (!node.process().waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
				node.process().destroyForcibly().waitFor();
			}
		}
		nodes.clear();
	}

	void stopServices() {
		if (services != null) {
			services.stop();
			services = null;
		}
	}

	@Override
	public void close() throws InterruptedException {
		stopApp();
		stopServices();
	}

	/**
	 * Resident memory of each part of the stack, in bytes: the proportional set size (shared pages divided
	 * among the processes sharing them), summed over a service's processes, so PostgreSQL's shared buffers
	 * count once rather than once per connection.
	 */
	Map<String, Long> memory() {
		Map<String, Long> memory = new LinkedHashMap<>();
		memory.put("app", nodes.stream().mapToLong(node -> proportionalSize(node.process().toHandle())).sum());
		memory.put("PostgreSQL", servicePid("postgres").map(BenchStack::proportionalSize).orElse(0L));
		memory.put("Redis", servicePid("redis").map(BenchStack::proportionalSize).orElse(0L));
		memory.put("Elasticsearch", servicePid("elasticsearch").map(BenchStack::proportionalSize).orElse(0L));
		return memory;
	}

	/** Processor time of the services, by name (PostgreSQL with all its processes). */
	Map<String, Duration> serviceCpu() {
		Map<String, Duration> cpu = new LinkedHashMap<>();
		for (String service : List.of("postgres", "redis", "elasticsearch")) {
			cpu.put(service, servicePid(service).map(BenchStack::cpuWithDescendants).orElse(Duration.ZERO));
		}
		return cpu;
	}

	private Optional<ProcessHandle> servicePid(String service) {
		Path pidFile = root.resolve("run").resolve(service + ".pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Duration cpuWithDescendants(ProcessHandle process) {
		return Stream.concat(Stream.of(process), process.descendants())
			.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	private static long proportionalSize(ProcessHandle process) {
		return Stream.concat(Stream.of(process), process.descendants())
			.mapToLong(p -> kilobytes(p.pid(), "smaps_rollup", "Pss:"))
			.sum() * 1024;
	}

	private static long kilobytes(long pid, String file, String field) {
		try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), file))) {
			return lines.filter(line -> line.startsWith(field))
				.findFirst()
				.map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()))
				.orElse(0L);
		}
		catch (IOException | UncheckedIOException gone) {
			return 0;
		}
	}

	static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
