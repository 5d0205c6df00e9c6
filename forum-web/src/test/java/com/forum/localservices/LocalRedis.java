package com.forum.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * redis-server from the embedded-redis jar. We take only its binary and run the process ourselves:
 * the library's {@code RedisServer} adds a JVM shutdown hook of its own, which would stop Redis while
 * the application context is still closing.
 */
final class LocalRedis {

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Persistent: append-only file in {@code dataDir} (survives restarts). Ephemeral: no persistence at
	 * all ({@code --save '' --appendonly no}).
	 */
	static LocalRedis start(Path binaryCache, Path dataDir, int port, boolean persistent, Path logFile)
			throws IOException {
		return start(binaryCache, dataDir, port, persistent, List.of(), logFile);
	}

	/** A persistent replica of the Redis on {@code primaryPort} ({@code --replicaof}). */
	static LocalRedis startReplica(Path binaryCache, Path dataDir, int port, int primaryPort, Path logFile)
			throws IOException {
		return start(binaryCache, dataDir, port, true, List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)),
				logFile);
	}

	/**
	 * A Sentinel watching the primary named {@code master} on {@code primaryPort}: it takes the primary for
	 * down after {@code downAfter} without an answer, and a {@code quorum} of Sentinels agreeing has one of
	 * them promote a replica. The configuration is written anew on every start (Sentinel rewrites it as it
	 * learns the replicas and the other Sentinels), so a restarted cluster starts from the primary it names.
	 */
	static LocalRedis startSentinel(Path binaryCache, Path dir, int port, String master, int primaryPort, int quorum,
			Duration downAfter, Duration failoverTimeout, Path logFile) throws IOException {
		Files.createDirectories(dir);
		Path config = dir.resolve("sentinel.conf");
		Files.writeString(config, """
				# Written by com.forum.localservices.LocalCluster on every start; Sentinel rewrites it as it runs.
				port %d
				bind 127.0.0.1
				dir "%s"
				sentinel monitor %s 127.0.0.1 %d %d
				sentinel down-after-milliseconds %s %d
				sentinel failover-timeout %s %d
				sentinel parallel-syncs %s 1
				""".formatted(port, dir, master, primaryPort, quorum, master, downAfter.toMillis(), master,
				failoverTimeout.toMillis(), master));
		List<String> command = List.of(binary(binaryCache).toString(), config.toString(), "--sentinel");
		return launch(command, dir, port, logFile);
	}

	private static LocalRedis start(Path binaryCache, Path dataDir, int port, boolean persistent, List<String> extra,
			Path logFile) throws IOException {
		Files.createDirectories(dataDir);
		List<String> command = new ArrayList<>(List.of(binary(binaryCache).toString(), "--port",
				Integer.toString(port), "--bind", "127.0.0.1", "--dir", dataDir.toString(), "--daemonize", "no"));
		if (persistent) {
			command.addAll(List.of("--appendonly", "yes"));
		}
		else {
			command.addAll(List.of("--save", "", "--appendonly", "no"));
		}
		command.addAll(extra);
		return launch(command, dataDir, port, logFile);
	}

	private static LocalRedis launch(List<String> command, Path dataDir, int port, Path logFile) throws IOException {
		Process process = new ProcessBuilder(LocalProcesses.detached(command)).directory(dataDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		LocalRedis redis = new LocalRedis(process, port);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!ping(port)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("Redis did not start on port " + port + ". Last lines of " + logFile
						+ ":\n" + LocalProcesses.tail(logFile, 20));
			}
			LocalProcesses.sleep(20);
		}
		return redis;
	}

	/** True once Redis answers PONG (not LOADING while it replays the append-only file). */
	static boolean ping(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 5);
			return read == 5 && new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Copies the platform's redis-server out of the embedded-redis jar once (atomically: JVMs run in parallel). */
	static Path binary(Path cache) throws IOException {
		String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
		if (resource == null) {
			throw new IllegalStateException("embedded-redis ships no redis-server for this platform");
		}
		Path target = cache.resolve(Path.of(resource).getFileName().toString());
		if (Files.isExecutable(target)) {
			return target;
		}
		Files.createDirectories(cache);
		Path tmp = Files.createTempFile(cache, "redis-server", ".tmp");
		try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource + " in the embedded-redis jar");
			}
			Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
			tmp.toFile().setExecutable(true, false);
			tmp.toFile().setReadable(true, false);
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		return target;
	}

	long pid() {
		return process.pid();
	}

	int port() {
		return port;
	}

	/** SIGKILL, as a crash would end it: nothing flushed, every connection cut. */
	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGTERM: Redis flushes the append-only file and exits. */
	void stop() {
		LocalProcesses.terminate(process.toHandle(), Duration.ofSeconds(20));
	}
}
