package com.forum.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.forum.bench.BenchSeeder.Volume;

/**
 * The figures of one {@code ./forum bench} run: printed as a table, kept in {@code docs/performance/runs/}
 * with the date and machine, and, as the latest, in {@code docs/PERFORMANCE.md} between its markers with
 * the chart {@code docs/performance/latest.svg}.
 */
record Report(Volume volume, Duration coldStart, Map<String, Long> atRest, Map<String, Long> loaded,
		List<ScenarioResult> results, List<String> notes, ForumBenchmark.Options options) {

	static final String BEGIN = "<!-- bench:begin (written by ./forum bench) -->";

	static final String END = "<!-- bench:end -->";

	void print(PrintStream out) {
		out.println();
		out.println(markdown());
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("Run %s on %s; data set: %s; each run %d s after a warm-up, app JVM `%s`, Elasticsearch heap %s.%n%n"
			.formatted(ForumBenchmark.now(), ForumBenchmark.machine(), volume, options.seconds(),
					String.join(" ", options.appJvm()), options.elasticsearchHeap()));
		md.append("| scenario | connections | requests/s | p50 ms | p99 ms | errors | app CPU s / 1k requests |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (ScenarioResult r : results) {
			md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %,d | %.2f |%n", r.scenario(),
					r.connections(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.errors(),
					r.appCpuSecondsPerThousand()));
		}
		md.append(String.format(Locale.ROOT, "%nCold start of the app: %.1f s (launching the JVM to the first page; the extracted jar with the JVM AOT cache of a training start of this build).%n%n",
				coldStart.toMillis() / 1000.0));
		md.append("| process | resident at rest MB | resident after the runs MB |\n| --- | ---: | ---: |\n");
		long restTotal = 0;
		long loadedTotal = 0;
		for (String process : atRest.keySet()) {
			long rest = atRest.get(process);
			long after = loaded.getOrDefault(process, 0L);
			restTotal += rest;
			loadedTotal += after;
			md.append("| %s | %,d | %,d |%n".formatted(process, rest >> 20, after >> 20));
		}
		md.append("| **whole stack** | **%,d** | **%,d** |%n".formatted(restTotal >> 20, loadedTotal >> 20));
		if (!notes.isEmpty()) {
			md.append('\n');
			notes.forEach(note -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	/** The run's own file, the chart, and the latest table in PERFORMANCE.md. */
	void write(Path docs) throws IOException {
		Path runs = docs.resolve("performance").resolve("runs");
		Files.createDirectories(runs);
		String table = markdown();
		Path run = runs.resolve(ForumBenchmark.now().replace(' ', '-').replace(":", "") + ".md");
		Files.writeString(run, "# ./forum bench, " + ForumBenchmark.now() + "\n\n" + table, StandardCharsets.UTF_8);
		Files.writeString(docs.resolve("performance").resolve("latest.svg"),
				BenchChart.svg("./forum bench, " + ForumBenchmark.now(), results), StandardCharsets.UTF_8);
		Path performance = docs.resolve("PERFORMANCE.md");
		replaceBetween(performance, BEGIN, END,
				table + "\n" + "![requests/s and p99 per scenario](performance/latest.svg)\n\n");
		System.out.println("figures written to " + run + " and " + performance);
	}

	/** Puts the text between the two markers of a document, if it has them; the markers stay. */
	static void replaceBetween(Path document, String beginMarker, String endMarker, String text) throws IOException {
		if (!Files.exists(document)) {
			return;
		}
		String current = Files.readString(document);
		int begin = current.indexOf(beginMarker);
		int end = current.indexOf(endMarker);
		if (begin >= 0 && end > begin) {
			Files.writeString(document, current.substring(0, begin + beginMarker.length()) + "\n" + text
					+ current.substring(end), StandardCharsets.UTF_8);
		}
	}
}
