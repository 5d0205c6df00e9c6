package com.forum.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One test run's browsers: headless Chromiums shared by every journey of every browser test class
 * (starting one costs seconds), one per browser class running at the moment, so at most as many as
 * test classes run at once; the output folder {@code forum-web/target/browser}, the accessibility checks, and
 * the time the journeys took. Closed when the test run ends.
 */
final class BrowserRun implements AutoCloseable {

	static final Path OUTPUT = Path.of(System.getProperty("basedir", "."), "target", "browser");

	/**
	 * Whether journeys save their screenshots ({@code ./forum test --screenshots}): they assert nothing and
	 * cost about 45 s of a full run, so a run takes them only when someone is going to look at them. A failed
	 * journey's evidence is saved either way.
	 */
	static final boolean SCREENSHOTS = "1".equals(System.getenv("FORUM_SCREENSHOTS"));

	private final int browsers;

	private final List<Chromium> started = new ArrayList<>();

	private final Deque<Chromium> idle = new ArrayDeque<>();

	private Duration startup = Duration.ZERO;

	private String userAgent;

	private final Axe axe;

	private final List<String> journeys = new ArrayList<>();

	private Duration inJourneys = Duration.ZERO;

	private Duration cpuInJourneys = Duration.ZERO;

	private Duration inAxe = Duration.ZERO;

	private Duration inScreenshots = Duration.ZERO;

	BrowserRun(int browsers) {
		this.browsers = browsers;
		clean();
		this.axe = new Axe(OUTPUT.resolve("axe-results.txt"));
	}

	/**
	 * A browser for one test class until it gives it back: an idle one, a new one while fewer than
	 * {@code browsers} run, or the next one given back.
	 */
	synchronized Chromium lease() throws InterruptedException {
		while (idle.isEmpty() && started.size() >= browsers) {
			wait();
		}
		if (!idle.isEmpty()) {
			return idle.pop();
		}
		long start = System.nanoTime();
		Chromium chromium = Chromium.start();
		started.add(chromium);
		startup = startup.plusNanos(System.nanoTime() - start);
		if (userAgent == null) {
			userAgent = (String) chromium.driver().executeScript("return navigator.userAgent");
		}
		return chromium;
	}

	synchronized void giveBack(Chromium chromium) {
		idle.push(chromium);
		notifyAll();
	}

	synchronized String userAgent() {
		return userAgent;
	}

	Axe axe() {
		return axe;
	}

	synchronized void checkedAccessibility(long nanos) {
		inAxe = inAxe.plusNanos(nanos);
	}

	synchronized void tookScreenshots(long nanos) {
		inScreenshots = inScreenshots.plusNanos(nanos);
	}

	synchronized void finished(Journey journey, Duration took, Duration cpu, boolean failed) {
		inJourneys = inJourneys.plus(took);
		cpuInJourneys = cpuInJourneys.plus(cpu);
		String line = String.format(Locale.ROOT, "%-10s %-6s %5.1f s  (CPU %5.1f s)%s", journey.name(),
				journey.language(), took.toMillis() / 1000.0, cpu.toMillis() / 1000.0, failed ? "  FAILED" : "");
		journeys.add(line);
		System.out.println("journey " + line);
	}

	@Override
	public void close() {
		try {
			List<String> summary = new ArrayList<>();
			summary.add(String.format(Locale.ROOT,
					"browser journeys: %d in %.1f s, of which axe-core %.1f s and screenshots %.1f s (%d Chromium started in %.1f s; "
							+ "up to %d classes' journeys at once)",
					journeys.size(), inJourneys.toMillis() / 1000.0, inAxe.toMillis() / 1000.0,
					inScreenshots.toMillis() / 1000.0, started.size(), startup.toMillis() / 1000.0, browsers));
			summary.add(String.format(Locale.ROOT,
					"browser journeys used %.1f s of CPU (test JVM, Chromium and the services, %d cores here; "
							+ "the wall time above grows when other work shares them)",
					cpuInJourneys.toMillis() / 1000.0, Runtime.getRuntime().availableProcessors()));
			summary.add(axe.summary());
			summary.add((SCREENSHOTS ? "screenshots in " + OUTPUT.resolve("screenshots")
					: "no screenshots (./forum test --screenshots takes them)") + ", axe-core results per page in "
					+ OUTPUT.resolve("axe-results.txt"));
			summary.forEach(System.out::println);
			List<String> lines = new ArrayList<>(summary);
			lines.addAll(journeys.stream().map(line -> "  " + line).toList());
			write(OUTPUT.resolve("summary.txt"), String.join("\n", lines) + "\n", false);
		}
		finally {
			started.forEach(Chromium::close);
		}
	}

	/**
	 * The processor time used so far by this JVM and the processes it started (ChromeDriver, Chromium,
	 * the local services): how much work the journeys are, whatever else runs on the machine.
	 */
	static Duration cpuTime() {
		ProcessHandle self = ProcessHandle.current();
		return Stream.concat(Stream.of(self), self.descendants())
			.map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	static void write(Path file, String text, boolean append) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Each run starts with an empty folder, so what is there belongs to this run. */
	private static void clean() {
		if (!Files.isDirectory(OUTPUT)) {
			return;
		}
		try (Stream<Path> files = Files.walk(OUTPUT)) {
			files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(OUTPUT)).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
