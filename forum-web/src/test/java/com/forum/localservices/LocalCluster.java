package com.forum.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * {@code ./forum start --nodes N}: the forum as a cluster on this machine, everything on loopback, data
 * under {@code .forum/cluster/} and one pid file per process in its {@code run/} folder (which
 * {@code ./forum status} and {@code ./forum stop} read):
 * <ul>
 * <li>PostgreSQL: a primary and a hot standby streaming from it through a replication slot;</li>
 * <li>Redis: a primary, a replica, three Sentinels (quorum 2) that promote the replica within seconds;</li>
 * <li>Elasticsearch: two nodes with the forum's analysis plugin, node 1 master-eligible and holding data,
 * node 2 holding data only. Two master-eligible nodes could not elect a master once one is gone (no
 * majority of two), so the cluster survives the loss of node 2 but not of node 1; a real deployment wants
 * three master-eligible nodes;</li>
 * <li>N nodes of the deployable jar with the {@code prod} profile, every address and secret given through
 * the environment contract of that profile, one uploads folder shared by all;</li>
 * <li>nginx in front of them on port 8080.</li>
 * </ul>
 * Every operation works from the pid files and fixed ports, so {@code ./forum cluster-proof} can act on a
 * cluster another process started.
 */
public final class LocalCluster {

	public static final int NGINX_PORT = 8080;

	public static final int FIRST_APP_PORT = 8081;

	static final int POSTGRES_PRIMARY_PORT = 55432;

	static final int POSTGRES_REPLICA_PORT = 55433;

	public static final List<Integer> REDIS_PORTS = List.of(63800, 63801);

	public static final List<Integer> SENTINEL_PORTS = List.of(26380, 26381, 26382);

	public static final List<Integer> ELASTICSEARCH_PORTS = List.of(19300, 19301);

	public static final String REDIS_MASTER = "forum";

	/** The mail relay the nodes hand their mail to ({@link LocalMailRelay}, in the owner's JVM). */
	static final int MAIL_PORT = 25250;

	static final String REPLICATION_SLOT = "forum_replica";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Path project;

	private final Path root;

	private final int nodes;

	private final Path jar;

	private LocalMailRelay mail;

	public LocalCluster(Path project, int nodes) {
		this.project = project.toAbsolutePath().normalize();
		this.root = this.project.resolve(".forum/cluster");
		this.nodes = nodes;
		this.jar = this.project.resolve("forum-web/target/forum-web-0.1.0-SNAPSHOT.jar");
	}

	public int nodes() {
		return nodes;
	}

	public Path root() {
		return root;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + NGINX_PORT;
	}

	public static String appUrl(int node) {
		return "http://127.0.0.1:" + appPort(node);
	}

	static int appPort(int node) {
		return FIRST_APP_PORT + node - 1;
	}

	public static String jdbcUrl() {
		return LocalPostgres.jdbcUrl(POSTGRES_PRIMARY_PORT);
	}

	public static String replicaJdbcUrl() {
		return LocalPostgres.jdbcUrl(POSTGRES_REPLICA_PORT);
	}

	public static String dbUser() {
		return LocalPostgres.USER;
	}

	public static String dbPassword() {
		return LocalPostgres.PASSWORD;
	}

	Path run(String name) {
		return root.resolve("run").resolve(name);
	}

	Path log(String name) {
		return root.resolve("logs").resolve(name);
	}

	/** The process running, by the pid files: the owner (the JVM of {@code ./forum start --nodes}) first. */
	public Optional<ProcessHandle> owner() {
		return LocalProcesses.liveProcess(run("owner.pid"))
			.filter(process -> LocalProcesses.commandLine(process).contains("java"));
	}

	// ---------------------------------------------------------------- the whole cluster

	/**
	 * Starts every part, in the order they depend on one another: the data stores (PostgreSQL and Redis,
	 * while both Elasticsearch nodes start alongside), the first app node (it migrates the database and
	 * seeds the demo data once), the other app nodes together, nginx last.
	 */
	public void start() throws Exception {
		for (String dir : List.of("run", "logs", "data")) {
			Files.createDirectories(root.resolve(dir));
		}
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No deployable jar at " + jar + "; build with mvn -DskipTests package");
		}
		stopLeftovers();
		requireFreePorts();
		LocalProcesses.writeNumber(run("owner.pid"), ProcessHandle.current().pid());
		long started = System.nanoTime();
		CompletableFuture<Void> search = CompletableFuture.runAsync(() -> {
			elasticsearch(1).start();
			elasticsearch(2).start();
		}, runnable -> Thread.ofPlatform().name("cluster-elasticsearch").daemon().start(runnable));
		startPostgres();
		startRedis();
		search.join();
		say("Elasticsearch: nodes 1 (master, data) and 2 (data) on " + ELASTICSEARCH_PORTS + ", cluster "
				+ searchHealth());
		mail = LocalMailRelay.start(MAIL_PORT, root.resolve("mail").resolve("outgoing.log"));
		copyJar();
		startApp(1);
		List<CompletableFuture<Void>> others = IntStream.rangeClosed(2, nodes)
			.mapToObj(node -> CompletableFuture.runAsync(() -> startAppUnchecked(node),
					runnable -> Thread.ofPlatform().name("cluster-app-" + node).start(runnable)))
			.toList();
		others.forEach(CompletableFuture::join);
		startNginx();
		say("the cluster is up in " + (System.nanoTime() - started) / 1_000_000_000 + " s: " + baseUrl() + " (nginx) in front of "
				+ nodes + " app nodes on ports " + FIRST_APP_PORT + ".." + appPort(nodes));
	}

	/** Stops everything the pid files name, front to back: nginx, the app nodes, then the stores. */
	public void stop() {
		stopProcess("nginx", Duration.ofSeconds(10));
		IntStream.rangeClosed(1, maxRecordedNode()).parallel().forEach(node -> stopProcess("app-" + node, Duration.ofSeconds(60)));
		Thread search = Thread.ofPlatform().start(() -> {
			quietly(() -> elasticsearch(2).stop());
			quietly(() -> elasticsearch(1).stop());
		});
		recordRedisPrimary();
		SENTINEL_PORTS.forEach(port -> stopProcess("sentinel-" + port, Duration.ofSeconds(10)));
		REDIS_PORTS.forEach(port -> stopProcess("redis-" + port, Duration.ofSeconds(20)));
		stopPostgres("postgres-replica");
		stopPostgres("postgres-primary");
		try {
			search.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		deleteQuietly(run("elasticsearch-1.pid"));
		deleteQuietly(run("elasticsearch-2.pid"));
		deleteQuietly(run("owner.pid"));
		if (mail != null) {
			quietly(mail::close);
		}
	}

	private int maxRecordedNode() {
		int node = Math.max(nodes, 1);
		while (Files.exists(run("app-" + (node + 1) + ".pid"))) {
			node++;
		}
		return node;
	}

	/** Whatever a previous cluster whose owner died (kill -9) left running: stopped before starting afresh. */
	private void stopLeftovers() {
		if (owner().filter(process -> process.pid() != ProcessHandle.current().pid()).isPresent()) {
			throw new IllegalStateException("A cluster is already running (pid " + owner().get().pid()
					+ "); ./forum stop stops it");
		}
		stop();
	}

	private void requireFreePorts() {
		List<Integer> ports = new ArrayList<>(List.of(POSTGRES_PRIMARY_PORT, POSTGRES_REPLICA_PORT, NGINX_PORT));
		ports.addAll(REDIS_PORTS);
		ports.addAll(SENTINEL_PORTS);
		ports.addAll(ELASTICSEARCH_PORTS);
		ELASTICSEARCH_PORTS.forEach(port -> ports.add(port + 100));
		IntStream.rangeClosed(1, nodes).forEach(node -> ports.add(appPort(node)));
		for (int port : ports) {
			if (!LocalProcesses.isPortFree(port)) {
				throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken by another program (a ./forum start"
						+ " on 8080?); the cluster needs " + ports);
			}
		}
	}

	// ---------------------------------------------------------------- PostgreSQL

	private void startPostgres() throws IOException, SQLException {
		Path data = root.resolve("data");
		LocalPostgres primary = LocalPostgres.start(data.resolve("postgres-primary"), POSTGRES_PRIMARY_PORT, true,
				log("postgres-primary.log"));
		primary.pid().ifPresent(pid -> LocalProcesses.writeNumber(run("postgres-primary.pid"), pid));
		startPostgresReplica(primary);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		List<String> states = primary.replicationStates();
		while (!states.contains(REPLICATION_SLOT + "=streaming")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The PostgreSQL replica does not stream (pg_stat_replication: " + states
						+ "); see " + log("postgres-replica.log"));
			}
			LocalProcesses.sleep(200);
			states = primary.replicationStates();
		}
		say("PostgreSQL: primary on " + POSTGRES_PRIMARY_PORT + ", hot standby on " + POSTGRES_REPLICA_PORT
				+ " (pg_stat_replication: " + String.join(", ", states) + ")");
	}

	private void startPostgresReplica(LocalPostgres primary) throws IOException {
		LocalPostgres replica = LocalPostgres.startReplicaOf(primary, REPLICATION_SLOT,
				root.resolve("data").resolve("postgres-replica"), POSTGRES_REPLICA_PORT, log("postgres-replica.log"));
		replica.pid().ifPresent(pid -> LocalProcesses.writeNumber(run("postgres-replica.pid"), pid));
	}

	/** Stops the standby (a fast shutdown); reads then go to the primary. */
	public void stopPostgresReplica() {
		stopPostgres("postgres-replica");
	}

	/** Starts the standby again; it catches up through its slot. */
	public void startPostgresReplica() throws IOException {
		Path dir = root.resolve("data").resolve("postgres-replica");
		LocalPostgres replica = LocalPostgres.startReplicaOf(null, REPLICATION_SLOT, dir, POSTGRES_REPLICA_PORT,
				log("postgres-replica.log"));
		replica.pid().ifPresent(pid -> LocalProcesses.writeNumber(run("postgres-replica.pid"), pid));
	}

	/** SIGINT is PostgreSQL's fast shutdown: sessions are ended, the server stops cleanly. */
	private void stopPostgres(String name) {
		LocalProcesses.liveProcess(run(name + ".pid"))
			.filter(process -> LocalProcesses.commandLine(process).contains("postgres"))
			.ifPresent(process -> {
				signal(process.pid(), "INT");
				try {
					process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.destroyForcibly();
				}
			});
		deleteQuietly(run(name + ".pid"));
	}

	// ---------------------------------------------------------------- Redis

	/**
	 * The primary and its replica, then the Sentinels. The primary is the one that was primary when the
	 * cluster last stopped (after a failover, the promoted replica, whose data is the newer), 63800 the first
	 * time; the Sentinels' configuration is written anew, and the replica syncs from the primary.
	 */
	private void startRedis() throws IOException {
		Path data = root.resolve("data");
		Path binaries = LocalServices.Layout.cacheDir().resolve("redis");
		OptionalInt recorded = LocalProcesses.readNumber(data.resolve("redis-primary"));
		int primaryPort = recorded.isPresent() && REDIS_PORTS.contains(recorded.getAsInt()) ? recorded.getAsInt()
				: REDIS_PORTS.get(0);
		int replicaPort = REDIS_PORTS.stream().filter(port -> port != primaryPort).findFirst().orElseThrow();
		LocalRedis primary = LocalRedis.start(binaries, data.resolve("redis-" + primaryPort), primaryPort, true,
				log("redis-" + primaryPort + ".log"));
		LocalProcesses.writeNumber(run("redis-" + primaryPort + ".pid"), primary.pid());
		startRedisReplica(replicaPort, primaryPort);
		for (int port : SENTINEL_PORTS) {
			LocalRedis sentinel = LocalRedis.startSentinel(binaries, data.resolve("sentinel-" + port), port, REDIS_MASTER,
					primaryPort, 2, Duration.ofSeconds(2), Duration.ofSeconds(10), log("sentinel-" + port + ".log"));
			LocalProcesses.writeNumber(run("sentinel-" + port + ".pid"), sentinel.pid());
		}
		say("Redis: primary on " + primaryPort + ", replica on " + replicaPort + ", Sentinels on " + SENTINEL_PORTS
				+ " (master '" + REDIS_MASTER + "', quorum 2, down after 2 s)");
	}

	/** Which Redis is primary, kept for the next start (see {@link #startRedis()}). */
	private void recordRedisPrimary() {
		redisPrimaryPort().ifPresent(port -> {
			if (Files.isDirectory(root.resolve("data"))) {
				LocalProcesses.writeNumber(root.resolve("data").resolve("redis-primary"), port);
			}
		});
	}

	/** Starts the Redis on {@code port} as a replica of the one on {@code primaryPort}. */
	public void startRedisReplica(int port, int primaryPort) throws IOException {
		LocalRedis replica = LocalRedis.startReplica(LocalServices.Layout.cacheDir().resolve("redis"),
				root.resolve("data").resolve("redis-" + port), port, primaryPort, log("redis-" + port + ".log"));
		LocalProcesses.writeNumber(run("redis-" + port + ".pid"), replica.pid());
	}

	/** The Redis the Sentinels name as the primary now, by its port. */
	public OptionalInt redisPrimaryPort() {
		for (int sentinel : SENTINEL_PORTS) {
			String reply = redisCommand(sentinel, "SENTINEL", "get-master-addr-by-name", REDIS_MASTER);
			String[] lines = reply.split("\r\n");
			// *2 $9 127.0.0.1 $5 63800
			if (lines.length >= 5 && lines[4].matches("\\d+")) {
				return OptionalInt.of(Integer.parseInt(lines[4]));
			}
		}
		return OptionalInt.empty();
	}

	/** The role line of {@code INFO replication} ({@code role:master} or {@code role:slave}), empty when down. */
	public static String redisRole(int port) {
		return redisCommand(port, "INFO", "replication").lines()
			.filter(line -> line.startsWith("role:"))
			.findFirst()
			.orElse("");
	}

	/** SIGKILL to the Redis on {@code port}, as a crash would end it; returns its pid. */
	public long killRedis(int port) {
		ProcessHandle process = LocalProcesses.liveProcess(run("redis-" + port + ".pid"))
			.orElseThrow(() -> new IllegalStateException("No Redis runs on " + port));
		process.destroyForcibly();
		process.onExit().join();
		return process.pid();
	}

	/** One command in Redis' protocol; the raw reply, or empty when nothing answers. */
	static String redisCommand(int port, String... words) {
		StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
		}
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[16384];
			int read = in.read(buffer);
			return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	// ---------------------------------------------------------------- Elasticsearch

	/** Node 1 or 2, by the same directories and ports whichever process asks (its pid file is the truth). */
	public LocalElasticsearch elasticsearch(int node) {
		Path base = elasticsearchBase();
		int httpPort = ELASTICSEARCH_PORTS.get(node - 1);
		LocalElasticsearch.Discovery discovery = new LocalElasticsearch.Discovery("forum-cluster", "forum-es-" + node,
				node == 1, List.of(ELASTICSEARCH_PORTS.get(0) + 100), List.of("forum-es-1"));
		LocalElasticsearch elasticsearch = new LocalElasticsearch(LocalServices.Layout.elasticsearchHome(),
				base.resolve("elasticsearch-" + node), base.resolve("data").resolve("elasticsearch-" + node), httpPort,
				httpPort + 100, "512m", false, discovery);
		elasticsearch.recordPidIn(run("elasticsearch-" + node + ".pid"));
		return elasticsearch;
	}

	/** As root, Elasticsearch runs as uid 65534, which must reach its folders: moved to /var/tmp if it cannot. */
	private Path elasticsearchBase() {
		if (LocalProcesses.isRoot() && !LocalProcesses.nobodyCanTraverse(root)) {
			Path relocated = Path.of("/var/tmp", "forum-cluster-" + Integer.toHexString(root.toString().hashCode()));
			try {
				Files.createDirectories(relocated);
				Files.setPosixFilePermissions(relocated, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return relocated;
		}
		return root;
	}

	/** {@code GET /_cluster/health} of node 1 (or 2 when 1 is down): status and nodes. */
	public String searchHealth() {
		for (int port : ELASTICSEARCH_PORTS) {
			Optional<String> body = get("http://127.0.0.1:" + port + "/_cluster/health");
			if (body.isPresent()) {
				String json = body.get();
				return field(json, "status") + ", " + field(json, "number_of_nodes") + " nodes, "
						+ field(json, "unassigned_shards") + " unassigned shards";
			}
		}
		return "not answering";
	}

	private static String field(String json, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
		return matcher.find() ? matcher.group(1) : "?";
	}

	static Optional<String> get(String url) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	// ---------------------------------------------------------------- the app nodes

	/** The jar is copied, so a build meanwhile never swaps it under a running node. */
	private void copyJar() throws IOException {
		Path copy = root.resolve("app").resolve("forum.jar");
		Files.createDirectories(copy.getParent());
		if (!Files.exists(copy) || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) < 0
				|| Files.size(copy) != Files.size(jar)) {
			Path tmp = copy.resolveSibling("forum.jar.tmp");
			Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
			Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	/**
	 * The prod profile's environment contract, pointing at this cluster's services. The secrets are made once
	 * per cluster and kept in {@code .forum/cluster/secrets} (readable by the owner only).
	 */
	Map<String, String> environment(int node) throws IOException {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "prod");
		env.put("SERVER_PORT", Integer.toString(appPort(node)));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("FORUM_DB_URL", jdbcUrl());
		// the standby first, the primary last: reads go to the standby, and to the primary while it is down
		env.put("FORUM_DB_REPLICA_URL", "jdbc:postgresql://127.0.0.1:" + POSTGRES_REPLICA_PORT + ",127.0.0.1:"
				+ POSTGRES_PRIMARY_PORT + "/" + LocalPostgres.DATABASE + "?targetServerType=preferSecondary");
		env.put("FORUM_DB_USERNAME", LocalPostgres.USER);
		env.put("FORUM_DB_PASSWORD", LocalPostgres.PASSWORD);
		env.put("FORUM_REDIS_SENTINEL_MASTER", REDIS_MASTER);
		env.put("FORUM_REDIS_SENTINEL_NODES", String.join(",", SENTINEL_PORTS.stream().map(port -> "127.0.0.1:" + port).toList()));
		env.put("FORUM_REDIS_PASSWORD", "");
		env.put("FORUM_SEARCH_URLS", String.join(",", ELASTICSEARCH_PORTS.stream().map(port -> "http://127.0.0.1:" + port).toList()));
		env.put("FORUM_SEARCH_REPLICAS", "1");
		env.put("FORUM_DATA_DIR", root.resolve("data").toString());
		env.put("FORUM_UPLOADS_STORAGE", "local");
		env.put("FORUM_TRUSTED_DEVICE_SECRET", secret("trusted-device"));
		env.put("FORUM_PUBLIC_URL", baseUrl());
		env.put("FORUM_MAIL_HOST", "127.0.0.1");
		env.put("FORUM_MAIL_PORT", Integer.toString(MAIL_PORT));
		// nginx, whose X-Forwarded-For names the client
		env.put("FORUM_TRUSTED_PROXIES", "127.0.0.1");
		return env;
	}

	private String secret(String name) throws IOException {
		Path file = root.resolve("secrets").resolve(name);
		if (!Files.isRegularFile(file)) {
			Files.createDirectories(file.getParent());
			Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwx------"));
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			Files.writeString(file, HexFormat.of().formatHex(bytes));
		}
		return Files.readString(file).strip();
	}

	/**
	 * Starts node {@code node} and waits until it is ready. Node 1 seeds the demo data into an empty
	 * database; the others never do.
	 */
	public void startApp(int node) throws IOException, InterruptedException {
		copyJar();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-jar", root.resolve("app").resolve("forum.jar").toString(),
				"--spring.config.additional-location=optional:file:" + project.resolve("config/bench/bench-app.yml"),
				"--forum.demo-data.enabled=" + (node == 1)));
		Path logFile = log("app-" + node + ".log");
		ProcessBuilder builder = new ProcessBuilder(LocalProcesses.detached(command)).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(environment(node));
		Process app = builder.start();
		LocalProcesses.writeNumber(run("app-" + node + ".pid"), app.pid());
		long started = System.nanoTime();
		while (!isReady(node)) {
			if (!app.isAlive()) {
				throw new IllegalStateException("App node " + node + " ended with " + app.exitValue() + "; see " + logFile
						+ ":\n" + LocalProcesses.tail(logFile, 30));
			}
			if (Duration.ofNanos(System.nanoTime() - started).toMinutes() >= 5) {
				throw new IllegalStateException("App node " + node + " was not ready within 5 minutes; see " + logFile);
			}
			Thread.sleep(250);
		}
		say("app node " + node + " ready on " + appUrl(node) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms (pid "
				+ app.pid() + ", log " + logFile + ")");
	}

	/** What a one-shot command of the app printed, and its exit code. */
	public record CommandResult(int exitCode, String output) {
	}

	/**
	 * Runs one of the app's one-shot commands ({@code --forum.command}, e.g. {@code check-launches}) from
	 * the deployable jar with the cluster's settings, without a web server.
	 */
	public CommandResult runCommand(String name) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", root.resolve("app").resolve("forum.jar").toString(), "--forum.command=" + name,
				"--spring.main.web-application-type=none", "--forum.demo-data.enabled=false"));
		Path logFile = log(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		builder.environment().putAll(environment(1));
		Process process = builder.start();
		int exit = process.waitFor();
		return new CommandResult(exit, Files.readString(logFile));
	}

	private void startAppUnchecked(int node) {
		try {
			startApp(node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static boolean isReady(int node) {
		return get(appUrl(node) + "/actuator/health/readiness").isPresent();
	}

	/** SIGKILL to app node {@code node}, as a crash would end it; returns its pid. */
	public long killApp(int node) {
		ProcessHandle process = LocalProcesses.liveProcess(run("app-" + node + ".pid"))
			.orElseThrow(() -> new IllegalStateException("App node " + node + " is not running"));
		process.destroyForcibly();
		process.onExit().join();
		return process.pid();
	}

	// ---------------------------------------------------------------- nginx

	/** nginx on {@link #NGINX_PORT} in front of every app node ({@link LocalNginx}). */
	private void startNginx() throws IOException, InterruptedException {
		Path dir = root.resolve("nginx");
		Path config = LocalNginx.configure(dir,
				Map.of(NGINX_PORT, IntStream.rangeClosed(1, nodes).map(LocalCluster::appPort).boxed().toList()));
		List<String> command = LocalNginx.command(dir);
		Process nginx = new ProcessBuilder(LocalProcesses.detached(command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log("nginx.log").toFile()))
			.start();
		LocalProcesses.writeNumber(run("nginx.pid"), nginx.pid());
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (get(baseUrl() + "/actuator/health/readiness").isEmpty()) {
			if (!nginx.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("nginx did not start; see " + log("nginx.log") + ":\n"
						+ LocalProcesses.tail(log("nginx.log"), 10) + "\n" + LocalProcesses.tail(LocalNginx.errorLog(dir), 10));
			}
			Thread.sleep(100);
		}
		say("nginx on " + baseUrl() + " (config " + config + ")");
	}

	// ---------------------------------------------------------------- helpers

	/** SIGTERM, then SIGKILL after {@code grace}; the pid file goes. */
	private void stopProcess(String name, Duration grace) {
		LocalProcesses.liveProcess(run(name + ".pid"))
			.filter(process -> isOurs(name, LocalProcesses.commandLine(process)))
			.ifPresent(process -> LocalProcesses.terminate(process, grace));
		deleteQuietly(run(name + ".pid"));
	}

	private static boolean isOurs(String name, String commandLine) {
		if (name.startsWith("redis") || name.startsWith("sentinel")) {
			return commandLine.contains("redis-server");
		}
		if (name.startsWith("nginx")) {
			return commandLine.contains("nginx");
		}
		return commandLine.contains("java");
	}

	private static void signal(long pid, String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			say("stopping failed: " + ex.getMessage());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a stale pid file is harmless: the process and its command line are checked before use
		}
	}

	static void say(String message) {
		System.out.println("forum: " + message);
	}

	/**
	 * {@code ./forum start --nodes N}: starts the cluster and keeps it running until this JVM is stopped
	 * (Ctrl-C, or SIGTERM from {@code ./forum stop}), which stops every part.
	 */
	public static void main(String[] args) throws Exception {
		int nodes = 2;
		for (String arg : args) {
			if (arg.startsWith("--nodes=")) {
				nodes = Integer.parseInt(arg.substring("--nodes=".length()));
			}
		}
		if (nodes < 2) {
			throw new IllegalArgumentException("--nodes needs 2 or more (./forum start alone runs one node)");
		}
		LocalCluster cluster = new LocalCluster(Path.of(""), nodes);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			say("stopping the cluster ...");
			cluster.stop();
			say("cluster stopped");
			stopped.countDown();
		}));
		try {
			cluster.start();
		}
		catch (Exception ex) {
			say("the cluster did not start: " + ex.getMessage());
			System.exit(1);
		}
		say("Forum is running at " + cluster.baseUrl() + " (Ctrl-C or ./forum stop stops the cluster)");
		stopped.await();
	}
}
