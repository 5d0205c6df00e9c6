package com.forum.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small process, port and file helpers shared by the local services. */
final class LocalProcesses {

	/** The unprivileged uid/gid Elasticsearch runs as when we are root ("nobody" on Debian). */
	static final int NOBODY = 65534;

	private static final boolean ROOT = "0".equals(outputOf(List.of("id", "-u")));

	private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
			|| Files.isExecutable(Path.of("/bin/setsid"));

	private LocalProcesses() {
	}

	static boolean isRoot() {
		return ROOT;
	}

	/**
	 * Runs the command in a session of its own where {@code setsid} exists, so that Ctrl-C in the
	 * terminal reaches only the JVM: the services are then stopped by the app's shutdown, after the
	 * application context has closed, not at the same moment.
	 */
	static List<String> detached(List<String> command) {
		if (!SETSID) {
			return command;
		}
		List<String> result = new ArrayList<>();
		result.add("setsid");
		result.addAll(command);
		return result;
	}

	/** Prefixes the command so that it runs as {@link #NOBODY} (only used when we are root). */
	static List<String> asNobody(List<String> command) {
		List<String> result = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
				"--clear-groups", "--"));
		result.addAll(command);
		return result;
	}

	/** True when {@link #NOBODY} can reach (search) the directory: every parent must be traversable. */
	static boolean nobodyCanTraverse(Path dir) {
		return runQuietly(asNobody(List.of("test", "-x", dir.toString(), "-a", "-r", dir.toString())));
	}

	static void chownToNobody(Path... paths) {
		List<String> command = new ArrayList<>(List.of("chown", "-R", NOBODY + ":" + NOBODY));
		for (Path path : paths) {
			command.add(path.toString());
		}
		if (!runQuietly(command)) {
			throw new IllegalStateException("Could not run " + String.join(" ", command));
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isPortFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Fails with a message that names the port and the property to change. */
	static void requirePortFree(int port, String what, String property) {
		if (!isPortFree(port)) {
			throw new IllegalStateException("Cannot start the local " + what + ": port " + port
					+ " on 127.0.0.1 is already used by another program (not one of ours). Stop that program or set "
					+ property + " to a free port (e.g. --" + property + "=" + (port + 1) + ").");
		}
	}

	static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void writeNumber(Path file, long value) {
		try {
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, value + "\n");
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static OptionalInt readNumber(Path file) {
		try {
			String text = Files.readString(file).strip();
			String first = text.lines().findFirst().orElse("").strip();
			return OptionalInt.of(Integer.parseInt(first));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	/** The live process named by a pidfile, if any. */
	static Optional<ProcessHandle> liveProcess(Path pidFile) {
		OptionalInt pid = readNumber(pidFile);
		if (pid.isEmpty()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid.getAsInt()).filter(ProcessHandle::isAlive);
	}

	/** The full command line, read from /proc where available (ProcessHandle.Info can be cut short). */
	static String commandLine(ProcessHandle process) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
			return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
		}
		catch (IOException ex) {
			return process.info().commandLine().orElse("");
		}
	}

	/** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns true if the process is gone. */
	static boolean terminate(ProcessHandle process, Duration grace) {
		if (!process.isAlive()) {
			return true;
		}
		process.destroy();
		try {
			process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception timeoutOrInterrupt) {
			process.destroyForcibly();
			try {
				process.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				// reported below
			}
			return !process.isAlive();
		}
	}

	static void deleteRecursively(Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort: temporary files only
		}
	}

	static String tail(Path file, int lines) {
		try {
			List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no " + file + ")";
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a local service", ex);
		}
	}

	private static boolean runQuietly(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String outputOf(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			process.waitFor(10, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}
}
