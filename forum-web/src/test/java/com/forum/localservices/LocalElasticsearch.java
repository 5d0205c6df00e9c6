package com.forum.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One Elasticsearch node run as a child process from the unpacked distribution ({@code home}, shared and
 * never written to) with an instance directory of its own (config, logs, tmp, pidfile) and a data
 * directory. Elasticsearch refuses to run as root, so as root it runs as uid {@value LocalProcesses#NOBODY}
 * and the instance and data directories are handed over to that uid.
 */
public final class LocalElasticsearch {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final Path home;

	private final Path instanceDir;

	private final Path dataDir;

	private final int httpPort;

	private final int transportPort;

	private final String heap;

	/**
	 * The throwaway node of a test run compiles with C1 only: its start-up (the blocking half of the
	 * first test context's) takes about half as long on two cores, and the small indexes of the tests
	 * never need C2's code; the node of {@code ./forum start} keeps the JVM's full tiered compilation.
	 */
	private final boolean quickStart;

	/** How the node finds its cluster: alone ({@code discovery.type: single-node}) or one of several. */
	private final Discovery discovery;

	/**
	 * A node of a cluster of several on this machine.
	 *
	 * @param clusterName the cluster's name (nodes of other clusters are refused)
	 * @param nodeName this node's name
	 * @param masterEligible whether this node may be elected master (and founds the cluster the first time)
	 * @param masterTransportPorts the transport ports of the master-eligible nodes, where a node looks for the
	 *     cluster
	 * @param masterNames the names of the master-eligible nodes, who vote in the very first election
	 */
	record Discovery(String clusterName, String nodeName, boolean masterEligible, List<Integer> masterTransportPorts,
			List<String> masterNames) {

		static final Discovery SINGLE_NODE = new Discovery("forum-local", "forum-local", true, List.of(), List.of());

		/** The elasticsearch.yml lines; {@code firstStart}: the cluster has never formed (no data yet). */
		String yaml(boolean firstStart) {
			if (masterTransportPorts.isEmpty()) {
				return "cluster.name: %s\nnode.name: %s\ndiscovery.type: single-node\n".formatted(clusterName, nodeName);
			}
			String seeds = String.join(", ", masterTransportPorts.stream().map(port -> "\"127.0.0.1:" + port + "\"").toList());
			StringBuilder yaml = new StringBuilder("cluster.name: %s\nnode.name: %s\nnode.roles: [ %s ]\ndiscovery.seed_hosts: [ %s ]\n"
				.formatted(clusterName, nodeName, masterEligible ? "master, data, ingest" : "data, ingest", seeds));
			// only for the cluster's very first election: set on later starts, it is ignored with a warning at best
			if (firstStart && masterEligible) {
				yaml.append("cluster.initial_master_nodes: [ %s ]\n".formatted(String.join(", ", masterNames)));
			}
			return yaml.toString();
		}
	}

	LocalElasticsearch(Path home, Path instanceDir, Path dataDir, int httpPort, int transportPort, String heap,
			boolean quickStart) {
		this(home, instanceDir, dataDir, httpPort, transportPort, heap, quickStart, Discovery.SINGLE_NODE);
	}

	LocalElasticsearch(Path home, Path instanceDir, Path dataDir, int httpPort, int transportPort, String heap,
			boolean quickStart, Discovery discovery) {
		this.discovery = discovery;
		this.home = home;
		this.instanceDir = instanceDir;
		this.dataDir = dataDir;
		this.httpPort = httpPort;
		this.transportPort = transportPort;
		this.heap = heap;
		this.quickStart = quickStart;
	}

	public String url() {
		return "http://127.0.0.1:" + httpPort;
	}

	public int httpPort() {
		return httpPort;
	}

	Path pidFile() {
		return instanceDir.resolve("elasticsearch.pid");
	}

	Path configDir() {
		return instanceDir.resolve("config");
	}

	Path logsDir() {
		return instanceDir.resolve("logs");
	}

	/** Where the launcher script looks for our pid to clean up after a JVM that died; kept current on every start. */
	private volatile Path launcherPidFile;

	void recordPidIn(Path file) {
		this.launcherPidFile = file;
	}

	/** Starts the node (same ports, same data as before) and blocks until the cluster is at least yellow. */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			prepareInstance();
			Path cliLog = logsDir().resolve("startup.log");
			List<String> command = List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p",
					pidFile().toString());
			if (LocalProcesses.isRoot()) {
				command = LocalProcesses.asNobody(command);
			}
			ProcessBuilder builder = new ProcessBuilder(LocalProcesses.detached(command))
				// hs_err and gc.log are written relative to the working directory (see jvm.options)
				.directory(logsDir().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(cliLog.toFile()));
			Map<String, String> env = builder.environment();
			env.put("ES_JAVA_HOME", System.getProperty("java.home"));
			env.put("ES_PATH_CONF", configDir().toString());
			env.put("ES_TMPDIR", instanceDir.resolve("tmp").toString());
			// without this the launcher leaves files in the system temp folder on every start
			env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + instanceDir.resolve("tmp"));
			env.put("HOME", instanceDir.toString());
			env.remove("ES_JAVA_OPTS");
			// with -d the launcher returns once the node is up (or has failed)
			Process launcher = builder.start();
			if (!launcher.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				launcher.destroyForcibly();
				throw failure("did not start within " + START_TIMEOUT.toSeconds() + " s", cliLog);
			}
			if (launcher.exitValue() != 0) {
				throw failure("exited with code " + launcher.exitValue(), cliLog);
			}
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (!isHealthy()) {
				if (!isRunning() || System.nanoTime() > deadline) {
					stop();
					throw failure("did not become healthy", cliLog);
				}
				LocalProcesses.sleep(100);
			}
			Path recorded = launcherPidFile;
			if (recorded != null) {
				process().ifPresent(p -> LocalProcesses.writeNumber(recorded, p.pid()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting Elasticsearch", ex);
		}
	}

	/** SIGTERM, up to 30 s to shut down cleanly, then SIGKILL. Data stays. */
	public synchronized void stop() {
		process().ifPresent(process -> {
			if (!LocalProcesses.terminate(process, Duration.ofSeconds(30))) {
				throw new IllegalStateException("Could not stop Elasticsearch (pid " + process.pid() + ")");
			}
		});
	}

	public boolean isRunning() {
		return process().isPresent();
	}

	Optional<ProcessHandle> process() {
		return LocalProcesses.liveProcess(pidFile());
	}

	/** {@code GET /} answers 405 on this distribution; cluster health is the readiness check. */
	public boolean isHealthy() {
		return isHealthy(httpPort);
	}

	static boolean isHealthy(int port) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Config is copied from the distribution once (keeps the keystore); our settings are rewritten each start. */
	private void prepareInstance() throws IOException {
		Path config = configDir();
		if (!Files.isDirectory(config)) {
			copyTree(home.resolve("config"), config);
		}
		Files.createDirectories(config.resolve("jvm.options.d"));
		Files.createDirectories(logsDir());
		Files.createDirectories(instanceDir.resolve("tmp"));
		Files.createDirectories(dataDir);
		Files.writeString(config.resolve("elasticsearch.yml"), """
				# Written by com.forum.localservices on every start; edits are overwritten.
				%snetwork.host: 127.0.0.1
				http.port: %d
				transport.port: %d
				path.data: "%s"
				path.logs: "%s"
				xpack.security.enabled: false
				cluster.routing.allocation.disk.threshold_enabled: false
				""".formatted(discovery.yaml(isEmpty(dataDir)), httpPort, transportPort, dataDir, logsDir()));
		Files.writeString(config.resolve("jvm.options.d/heap.options"), "-Xms" + heap + "\n-Xmx" + heap + "\n");
		Path compiler = config.resolve("jvm.options.d/compiler.options");
		if (quickStart) {
			Files.writeString(compiler, "-XX:TieredStopAtLevel=1\n");
		}
		else {
			Files.deleteIfExists(compiler);
		}
		Files.deleteIfExists(pidFile());
		if (LocalProcesses.isRoot()) {
			LocalProcesses.chownToNobody(instanceDir, dataDir);
		}
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private IllegalStateException failure(String what, Path cliLog) {
		return new IllegalStateException("Elasticsearch on port " + httpPort + " " + what + ". Launcher output ("
				+ cliLog + "):\n" + LocalProcesses.tail(cliLog, 20) + "\nNode log ("
				+ logsDir().resolve("forum-local.log") + "):\n"
				+ LocalProcesses.tail(logsDir().resolve("forum-local.log"), 30));
	}

	/**
	 * Unpacks the distribution zip into {@code cacheDir} once. Unpacks to a temporary sibling first and
	 * renames it into place, so a half-unpacked copy is never used and parallel JVMs do not clash.
	 */
	static Path install(Path zip, Path cacheDir) throws IOException {
		String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
		Path target = cacheDir.resolve(name);
		if (Files.isRegularFile(target.resolve(".complete"))) {
			return target;
		}
		Files.createDirectories(cacheDir);
		Path staging = Files.createTempDirectory(cacheDir, ".unpack-");
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = archive.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path out = staging.resolve(entry.getName()).normalize();
				if (!out.startsWith(staging)) {
					throw new IOException("Unexpected entry " + entry.getName() + " in " + zip);
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
					continue;
				}
				Files.createDirectories(out.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, out);
				}
				// zip entries carry no Unix modes here: launchers and native tools live in bin/ folders
				if (entry.getName().contains("/bin/")) {
					out.toFile().setExecutable(true, false);
				}
			}
			Path unpacked;
			try (Stream<Path> top = Files.list(staging)) {
				List<Path> dirs = top.filter(Files::isDirectory).toList();
				unpacked = dirs.size() == 1 ? dirs.get(0) : staging;
			}
			moveIntoPlace(unpacked, target);
		}
		finally {
			LocalProcesses.deleteRecursively(staging);
		}
		return target;
	}

	/**
	 * A copy of the unpacked distribution {@code plain} with our analysis plugin installed, in
	 * {@code cacheDir/<plain's name>+forum-analysis-<hash of the plugin zip>}, made once per plugin build
	 * and shared like the plain one, which stays untouched (other worktrees run other plugin builds from
	 * it). The copy is made of hard links (nothing writes into a home; the installer only adds
	 * {@code plugins/forum-analysis}), so it costs milliseconds and no space. Installed in a temporary
	 * sibling and renamed into place, so a half-made copy is never used and parallel JVMs do not clash.
	 * The plugin build is reproducible (see its pom), so an unchanged plugin reuses its copy.
	 */
	static Path withPlugin(Path plain, Path pluginZip, Path cacheDir) throws IOException {
		Path target = cacheDir.resolve(plain.getFileName() + "+forum-analysis-" + sha256(pluginZip).substring(0, 16));
		if (Files.isRegularFile(target.resolve(".complete"))) {
			return target;
		}
		Path staging = Files.createTempDirectory(cacheDir, ".plugin-");
		try {
			Path home = staging.resolve("home");
			linkTree(plain, home);
			Files.deleteIfExists(home.resolve(".complete"));
			installPlugin(home, pluginZip, staging);
			try (Stream<Path> walk = Files.walk(home.resolve("plugins"))) {
				// installed by root, run by uid 65534
				walk.forEach(path -> {
					path.toFile().setReadable(true, false);
					if (Files.isDirectory(path)) {
						path.toFile().setExecutable(true, false);
					}
				});
			}
			moveIntoPlace(home, target);
		}
		finally {
			LocalProcesses.deleteRecursively(staging);
		}
		return target;
	}

	/** Marks a finished home complete and renames it into place, unless a parallel JVM got there first. */
	private static void moveIntoPlace(Path home, Path target) throws IOException {
		Files.createFile(home.resolve(".complete"));
		home.toFile().setReadable(true, false);
		home.toFile().setExecutable(true, false);
		try {
			Files.move(home, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException alreadyThere) {
			if (!Files.isRegularFile(target.resolve(".complete"))) {
				throw alreadyThere;
			}
		}
	}

	/** {@code bin/elasticsearch-plugin install}, which also writes the named_components.json the node needs. */
	private static void installPlugin(Path home, Path pluginZip, Path staging) throws IOException {
		Path tmp = Files.createDirectories(staging.resolve("tmp"));
		Path log = staging.resolve("install.log");
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/elasticsearch-plugin").toString(), "install",
				"--batch", pluginZip.toUri().toString())
			.directory(staging.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("ES_JAVA_HOME", System.getProperty("java.home"));
		env.put("ES_PATH_CONF", home.resolve("config").toString());
		// the installer runs out of memory with the default heap
		env.put("CLI_JAVA_OPTS", "-Xmx512m -Djava.io.tmpdir=" + tmp);
		env.remove("ES_JAVA_OPTS");
		try {
			Process installer = builder.start();
			if (!installer.waitFor(2, TimeUnit.MINUTES)) {
				installer.destroyForcibly();
				throw new IOException("Installing " + pluginZip + " took over 2 minutes:\n" + LocalProcesses.tail(log, 20));
			}
			if (installer.exitValue() != 0) {
				throw new IOException("Installing " + pluginZip + " failed (exit " + installer.exitValue() + "):\n"
						+ LocalProcesses.tail(log, 20));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while installing " + pluginZip, ex);
		}
	}

	/** The folders of {@code from} made anew (readable by all), its files hard-linked. */
	private static void linkTree(Path from, Path to) throws IOException {
		eachFile(from, to, Files::createLink);
		try (Stream<Path> walk = Files.walk(to)) {
			walk.filter(Files::isDirectory).forEach(dir -> {
				dir.toFile().setReadable(true, false);
				dir.toFile().setExecutable(true, false);
			});
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		eachFile(from, to, (dest, source) -> Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING));
	}

	private interface FileAction {

		void apply(Path dest, Path source) throws IOException;
	}

	/** Makes {@code from}'s folders under {@code to} and applies {@code action} to each of its files. */
	private static void eachFile(Path from, Path to, FileAction action) throws IOException {
		List<Path> sources;
		try (Stream<Path> walk = Files.walk(from)) {
			sources = new ArrayList<>(walk.toList());
		}
		for (Path source : sources) {
			Path dest = to.resolve(from.relativize(source).toString());
			if (Files.isDirectory(source)) {
				Files.createDirectories(dest);
			}
			else {
				action.apply(dest, source);
			}
		}
	}
}
