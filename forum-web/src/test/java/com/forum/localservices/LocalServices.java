package com.forum.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.commons.logging.Log;

/**
 * The PostgreSQL, Redis and Elasticsearch this JVM uses when {@code forum.local-services.enabled=true}:
 * started once per JVM (so all Spring test contexts of a test run share them) and stopped when the JVM
 * shuts down, after the application contexts have closed.
 * <p>
 * Persistent mode keeps data in {@code dataDir} and records process ids and ports in
 * {@code dataDir/../run}. When that run directory names a live JVM that owns healthy services (a running
 * {@code ./forum start}), a second JVM such as {@code ./forum reindex} attaches to them and leaves them
 * running. Leftovers of a JVM that died without stopping its services (kill -9) are stopped and started
 * afresh rather than reused, so the new JVM owns what it stops. Ephemeral mode uses a new temporary
 * directory (under {@code $FORUM_EPHEMERAL_DIR} when set, so {@code ./forum test} can find leftovers)
 * and free ports, and deletes everything at exit.
 */
public final class LocalServices {

	private static final List<String> SERVICES = List.of("elasticsearch", "redis", "postgres");

	private static LocalServices current;

	private final boolean owner;

	private final Layout layout;

	private final int postgresPort;

	private final int redisPort;

	private final LocalElasticsearch elasticsearch;

	private final Log log;

	private LocalPostgres postgres;

	private LocalRedis redis;

	/** Done when Elasticsearch answers (at once when attached to running services). */
	private volatile CompletableFuture<Void> elasticsearchStarted = CompletableFuture.completedFuture(null);

	private boolean stopped;

	private LocalServices(boolean owner, Layout layout, int postgresPort, int redisPort,
			LocalElasticsearch elasticsearch, Log log) {
		this.owner = owner;
		this.log = log;
		this.layout = layout;
		this.postgresPort = postgresPort;
		this.redisPort = redisPort;
		this.elasticsearch = elasticsearch;
	}

	/** The services of this JVM, if the local services are enabled and running. */
	public static synchronized Optional<LocalServices> current() {
		return Optional.ofNullable(current);
	}

	/** Starts the services, or attaches to the ones a running {@code ./forum start} owns; once per JVM. */
	static synchronized LocalServices startOrAttach(LocalServicesProperties properties, Log log) {
		if (current == null) {
			current = properties.ephemeral() ? startEphemeral(properties, log) : startPersistent(properties, log);
		}
		return current;
	}

	/**
	 * Starts services of its own that keep their data in {@code dataDir} on the given ports, for a program
	 * that is not a Spring application ({@code ./forum bench} runs the application as a separate process).
	 * {@link #stop()} stops them; so does the end of this JVM.
	 */
	public static LocalServices startPersistent(Path dataDir, int postgresPort, int redisPort, int elasticsearchPort,
			String elasticsearchHeap, Log log) {
		LocalServices services = startOrAttach(new LocalServicesProperties(true, false, dataDir, postgresPort, redisPort,
				elasticsearchPort, elasticsearchHeap), log);
		if (services.isAttached()) {
			throw new IllegalStateException("The services in " + dataDir + " belong to another process");
		}
		return services.awaitElasticsearch();
	}

	/** Where Elasticsearch keeps its data: under the data directory, or moved out of it (see {@link Layout}). */
	public Path elasticsearchDataDir() {
		return layout.esData();
	}

	/** Elasticsearch once it answers: whoever asks for it directly means to use it. */
	public LocalElasticsearch elasticsearch() {
		awaitElasticsearch();
		return elasticsearch;
	}

	public String elasticsearchUrl() {
		return elasticsearch().url();
	}

	public String jdbcUrl() {
		return LocalPostgres.jdbcUrl(postgresPort);
	}

	public int postgresPort() {
		return postgresPort;
	}

	public int redisPort() {
		return redisPort;
	}

	/** The Redis process, when this JVM started it (for the benchmarks' processor time). */
	public synchronized Optional<ProcessHandle> redisProcess() {
		return redis == null ? Optional.empty() : ProcessHandle.of(redis.pid());
	}

	/** The redis-server binary the local Redis runs, for tests that start a Sentinel of their own. */
	public static Path redisServerBinary() {
		try {
			return LocalRedis.binary(Layout.cacheDir().resolve("redis"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** True when another JVM started these services; this JVM then leaves them running at exit. */
	public boolean isAttached() {
		return !owner;
	}

	/** Spring properties that point an application at these services (also one in another JVM). */
	public Map<String, Object> connectionProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl());
		properties.put("spring.datasource.username", LocalPostgres.USER);
		properties.put("spring.datasource.password", LocalPostgres.PASSWORD);
		// read-only transactions go to the same server as a role that can only read (see LocalPostgres.READER)
		properties.put("forum.datasource.replica.url", jdbcUrl() + "?targetServerType=preferSecondary");
		properties.put("forum.datasource.replica.username", LocalPostgres.READER);
		properties.put("forum.datasource.replica.password", LocalPostgres.READER_PASSWORD);
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", redisPort);
		properties.put("forum.search.urls", elasticsearch.url()); // known before it answers
		return properties;
	}

	/**
	 * Kills Redis with SIGKILL, as a crash would, for the tests and the benchmark that prove a launch
	 * survives it. Only for services this JVM started; returns the pid killed.
	 */
	public synchronized long killRedis() {
		if (!owner || redis == null) {
			throw new IllegalStateException("Only the JVM that started Redis may kill it");
		}
		long pid = redis.pid();
		redis.kill();
		return pid;
	}

	/**
	 * Starts Redis again on its port after {@link #killRedis()}: empty when ephemeral (nothing was
	 * saved), from its append-only file otherwise.
	 */
	public synchronized void restartRedis() {
		if (!owner || stopped) {
			throw new IllegalStateException("Only the JVM that started Redis may restart it");
		}
		try {
			startRedis(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---------------------------------------------------------------- starting

	private static LocalServices startPersistent(LocalServicesProperties properties, Log log) {
		Layout layout = Layout.persistent(properties.dataDir(), log);
		Optional<ProcessHandle> liveOwner = LocalProcesses.liveProcess(layout.run("owner.pid"))
			.filter(process -> process.pid() != ProcessHandle.current().pid())
			.filter(process -> LocalProcesses.commandLine(process).contains("java"));
		if (liveOwner.isPresent()) {
			return attach(layout, liveOwner.get(), properties, log);
		}
		stopLeftovers(layout, log);
		int esPort = properties.elasticsearchPort();
		LocalProcesses.requirePortFree(properties.postgresPort(), "PostgreSQL",
				LocalServicesProperties.PREFIX + ".postgres-port");
		LocalProcesses.requirePortFree(properties.redisPort(), "Redis", LocalServicesProperties.PREFIX + ".redis-port");
		LocalProcesses.requirePortFree(esPort, "Elasticsearch", LocalServicesProperties.PREFIX + ".elasticsearch-port");
		int transportPort = LocalProcesses.isPortFree(esPort + 100) ? esPort + 100 : LocalProcesses.freePort();
		return start(layout, properties.postgresPort(), properties.redisPort(), esPort, transportPort, properties, log);
	}

	private static LocalServices startEphemeral(LocalServicesProperties properties, Log log) {
		Layout layout = Layout.ephemeral(log);
		return start(layout, LocalProcesses.freePort(), LocalProcesses.freePort(), LocalProcesses.freePort(),
				LocalProcesses.freePort(), properties, log);
	}

	private static LocalServices attach(Layout layout, ProcessHandle owner, LocalServicesProperties properties,
			Log log) {
		int pg = LocalProcesses.readNumber(layout.run("postgres.port")).orElse(properties.postgresPort());
		int redis = LocalProcesses.readNumber(layout.run("redis.port")).orElse(properties.redisPort());
		int es = LocalProcesses.readNumber(layout.run("elasticsearch.port")).orElse(properties.elasticsearchPort());
		if (!LocalProcesses.answers(pg) || !LocalRedis.ping(redis) || !LocalElasticsearch.isHealthy(es)) {
			throw new IllegalStateException("The local services in " + layout.dataDir() + " belong to process "
					+ owner.pid() + " but are not (yet) answering on ports " + pg + "/" + redis + "/" + es
					+ ". Wait for it to finish starting, or stop it (./forum stop).");
		}
		log.info("Attached to the local services of process " + owner.pid() + " (PostgreSQL " + pg + ", Redis "
				+ redis + ", Elasticsearch " + es + "); they keep running after this process exits");
		return new LocalServices(false, layout, pg, redis, layout.elasticsearch(properties, es, es + 100), log);
	}

	/** Processes recorded by a previous run whose JVM died (kill -9): stop them before starting afresh. */
	private static void stopLeftovers(Layout layout, Log log) {
		for (String service : SERVICES) {
			Path pidFile = layout.run(service + ".pid");
			LocalProcesses.liveProcess(pidFile).filter(process -> layout.isOurs(service, process)).ifPresent(process -> {
				log.warn("Stopping " + service + " (pid " + process.pid() + ") left running by a previous run");
				if (!LocalProcesses.terminate(process, Duration.ofSeconds(30))) {
					throw new IllegalStateException("Could not stop the leftover " + service + " process " + process.pid());
				}
			});
			deleteQuietly(pidFile);
			deleteQuietly(layout.run(service + ".port"));
		}
	}

	/**
	 * Starts PostgreSQL and Redis, and Elasticsearch alongside: it takes seconds where the others take
	 * milliseconds, and the application needs it only once its context is built, so the JVM builds the
	 * context meanwhile (see {@link #awaitElasticsearch()}).
	 */
	private static LocalServices start(Layout layout, int pgPort, int redisPort, int esPort, int transportPort,
			LocalServicesProperties properties, Log log) {
		LocalServices services = new LocalServices(true, layout, pgPort, redisPort,
				layout.elasticsearch(properties, esPort, transportPort), log);
		LocalProcesses.writeNumber(layout.run("owner.pid"), ProcessHandle.current().pid());
		try {
			services.elasticsearchStarted = CompletableFuture.runAsync(() -> services.startElasticsearch(log),
					runnable -> Thread.ofPlatform().name("local-elasticsearch-start").daemon().start(runnable));
			services.startPostgres(log);
			services.startRedis(log);
			return services;
		}
		catch (RuntimeException | IOException ex) {
			throw services.failedToStart(ex);
		}
	}

	/**
	 * Waits until Elasticsearch answers, which it may not yet do when {@link #startOrAttach} returns. A
	 * failure to start stops every service, as a failure of the others does.
	 */
	public LocalServices awaitElasticsearch() {
		try {
			elasticsearchStarted.join();
			return this;
		}
		catch (RuntimeException ex) {
			throw failedToStart(ex);
		}
	}

	private IllegalStateException failedToStart(Exception ex) {
		stop();
		Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
		return new IllegalStateException("Could not start the local services (" + LocalServicesProperties.PREFIX
				+ ".enabled=true): " + cause.getMessage(), cause);
	}

	private void startPostgres(Log log) throws IOException {
		long start = System.nanoTime();
		Path data = layout.dataDir().resolve("postgres");
		postgres = LocalPostgres.start(data, postgresPort, !layout.temporary(), layout.log("postgres.log"));
		postgres.pid().ifPresent(pid -> LocalProcesses.writeNumber(layout.run("postgres.pid"), pid));
		LocalProcesses.writeNumber(layout.run("postgres.port"), postgresPort);
		log.info("PostgreSQL ready on 127.0.0.1:" + postgresPort + " in " + millisSince(start) + " ms (data " + data
				+ ", database " + LocalPostgres.DATABASE + ")");
	}

	private void startRedis(Log log) throws IOException {
		long start = System.nanoTime();
		Path data = layout.dataDir().resolve("redis");
		redis = LocalRedis.start(Layout.cacheDir().resolve("redis"), data, redisPort, !layout.temporary(),
				layout.log("redis.log"));
		LocalProcesses.writeNumber(layout.run("redis.pid"), redis.pid());
		LocalProcesses.writeNumber(layout.run("redis.port"), redisPort);
		log.info("Redis ready on 127.0.0.1:" + redisPort + " in " + millisSince(start) + " ms (data " + data + ")");
	}

	private void startElasticsearch(Log log) {
		long start = System.nanoTime();
		elasticsearch.recordPidIn(layout.run("elasticsearch.pid"));
		elasticsearch.start();
		LocalProcesses.writeNumber(layout.run("elasticsearch.port"), elasticsearch.httpPort());
		log.info("Elasticsearch ready at " + elasticsearch.url() + " in " + millisSince(start) + " ms (data "
				+ layout.esData() + (LocalProcesses.isRoot() ? ", running as uid " + LocalProcesses.NOBODY : "") + ")");
	}

	// ---------------------------------------------------------------- stopping

	/** Stops what this JVM started (nothing when attached); ephemeral files are deleted. Idempotent. */
	public synchronized void stop() {
		if (stopped || !owner) {
			return;
		}
		stopped = true;
		synchronized (LocalServices.class) {
			if (current == this) {
				current = null; // a program may start services again afterwards (./forum bench does)
			}
		}
		long start = System.nanoTime();
		Thread es = Thread.ofPlatform().name("local-elasticsearch-stop").start(() -> quietly(elasticsearch::stop));
		if (redis != null) {
			quietly(redis::stop);
		}
		if (postgres != null) {
			quietly(postgres::stop);
		}
		try {
			es.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (String service : SERVICES) {
			deleteQuietly(layout.run(service + ".pid"));
			deleteQuietly(layout.run(service + ".port"));
		}
		deleteQuietly(layout.run("owner.pid"));
		if (layout.temporary()) {
			LocalProcesses.deleteRecursively(layout.root());
			LocalProcesses.deleteRecursively(layout.relocated());
		}
		log.info("Local services stopped in " + millisSince(start) + " ms"
				+ (layout.temporary() ? " and " + layout.root() + " deleted" : ""));
	}

	private void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			log.warn("Stopping a local service failed: " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// stale pidfiles are harmless: liveness and ownership are checked before use
		}
	}

	private static long millisSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1_000_000;
	}

	// ---------------------------------------------------------------- directories

	/**
	 * Where everything lives. {@code esInstance}/{@code esData} normally sit next to the other data; as
	 * root they must be reachable by uid 65534, so if a parent directory is not traversable (e.g. the
	 * project is under /root, mode 700) they move to {@code /var/tmp/forum-<hash of the data dir>}.
	 */
	record Layout(Path root, Path dataDir, Path runDir, Path logsDir, Path esInstance, Path esData, Path relocated,
			boolean temporary) {

		static Layout persistent(Path dataDir, Log log) {
			Path root = dataDir.getParent();
			return create(root, dataDir, root.resolve("run"), false, log);
		}

		static Layout ephemeral(Log log) {
			try {
				String parent = System.getenv("FORUM_EPHEMERAL_DIR");
				Path base = parent != null && !parent.isBlank() ? Path.of(parent)
						: Path.of(System.getProperty("java.io.tmpdir"));
				Files.createDirectories(base);
				Path root = Files.createTempDirectory(base.toAbsolutePath(), "forum-local-");
				// createTempDirectory makes it 700; Elasticsearch may run as another uid
				Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
				return create(root, root.resolve("data"), root.resolve("run"), true, log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static Layout create(Path root, Path dataDir, Path runDir, boolean temporary, Log log) {
			try {
				Files.createDirectories(dataDir);
				Files.createDirectories(runDir);
				Files.createDirectories(root.resolve("logs"));
				Path esInstance = root.resolve("elasticsearch");
				Path esData = dataDir.resolve("elasticsearch");
				Path relocated = null;
				if (LocalProcesses.isRoot() && !LocalProcesses.nobodyCanTraverse(root)) {
					relocated = Path.of("/var/tmp", "forum-" + hash(dataDir.toString()));
					Files.createDirectories(relocated);
					Files.setPosixFilePermissions(relocated, PosixFilePermissions.fromString("rwxr-xr-x"));
					esInstance = relocated.resolve("elasticsearch");
					esData = relocated.resolve("data");
					log.info("Elasticsearch runs as uid " + LocalProcesses.NOBODY + ", which cannot reach " + root
							+ ": its config, logs and data are kept in " + relocated + " instead");
				}
				return new Layout(root, dataDir, runDir, root.resolve("logs"), esInstance, esData, relocated, temporary);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Path run(String name) {
			return runDir.resolve(name);
		}

		Path log(String name) {
			return logsDir.resolve(name);
		}

		LocalElasticsearch elasticsearch(LocalServicesProperties properties, int httpPort, int transportPort) {
			return new LocalElasticsearch(elasticsearchHome(), esInstance, esData, httpPort, transportPort,
					properties.elasticsearchHeap(), temporary);
		}

		/** Only processes started from these directories count as ours (pids get reused). */
		boolean isOurs(String service, ProcessHandle process) {
			String commandLine = LocalProcesses.commandLine(process);
			return switch (service) {
				case "postgres" -> commandLine.contains(dataDir.resolve("postgres").toString());
				case "redis" -> commandLine.contains("redis-server") && LocalProcesses.readNumber(run("redis.port"))
					.stream()
					.anyMatch(port -> commandLine.contains(":" + port));
				case "elasticsearch" -> commandLine.contains(esInstance.toString());
				default -> false;
			};
		}

		/** Shared unpack location: the user's cache, or /var/tmp as root (uid 65534 cannot read /root). */
		static Path cacheDir() {
			if (LocalProcesses.isRoot()) {
				return Path.of("/var/tmp/forum-cache");
			}
			String xdg = System.getenv("XDG_CACHE_HOME");
			Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
			return base.resolve("forum");
		}

		static Path elasticsearchHome() {
			Properties build = new Properties();
			try (InputStream in = LocalServices.class.getResourceAsStream("/forum-local-services.properties")) {
				if (in != null) {
					build.load(in);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			String zip = build.getProperty("elasticsearch.distribution", "");
			if (zip.isBlank() || zip.startsWith("${") || !Files.isRegularFile(Path.of(zip))) {
				throw new IllegalStateException("The Elasticsearch distribution zip is missing (\"" + zip
						+ "\" from forum-local-services.properties); build with Maven (mvn -DskipTests package) so it is"
						+ " downloaded");
			}
			Path plain;
			try {
				plain = LocalElasticsearch.install(Path.of(zip), cacheDir());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not unpack " + zip + " into " + cacheDir(), ex);
			}
			// the forum's analysis (forum_text, its synonyms) comes from our plugin: no index can be created without it
			String plugin = build.getProperty("forum-analysis.plugin", "");
			if (plugin.isBlank() || plugin.startsWith("${") || !Files.isRegularFile(Path.of(plugin))) {
				throw new IllegalStateException("The analysis plugin zip is missing (\"" + plugin
						+ "\" from forum-local-services.properties); build with Maven (mvn -DskipTests package) so"
						+ " forum-search/analysis-plugin is built first");
			}
			try {
				return LocalElasticsearch.withPlugin(plain, Path.of(plugin), cacheDir());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not install " + plugin + " into a copy of " + plain, ex);
			}
		}

		private static String hash(String text) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest, 0, 6);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
