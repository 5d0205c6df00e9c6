package com.forum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.forum.bench.BenchSeeder.Volume;

/**
 * The figures of {@code ./forum bench --nodes N}: each scenario at each number of connections through
 * nginx to node 1 alone and to all N nodes, with the ratio of their requests/s; kept in
 * {@code docs/performance/nodes.md}.
 */
record NodesReport(int nodes, Volume volume, List<Pair> pairs, List<String> notes, ForumBenchmark.Options options) {

	/** One scenario at one number of connections, on one node and on all. */
	record Pair(ScenarioResult alone, ScenarioResult together) {

		double ratio() {
			return alone.requestsPerSecond() <= 0 ? 0 : together.requestsPerSecond() / alone.requestsPerSecond();
		}
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append(("Run %s on %s; data set: %s; %d app nodes (JVM `%s` each) on one PostgreSQL, Redis and "
				+ "Elasticsearch, nginx in front; each run %d s, through nginx to node 1 alone and then to all %d "
				+ "nodes.%n%n").formatted(ForumBenchmark.now(), ForumBenchmark.machine(), volume, nodes,
						String.join(" ", options.appJvm()), options.seconds(), nodes));
		md.append("| scenario | connections | 1 node requests/s | p99 ms | %d nodes requests/s | p99 ms | ratio | app CPU s / 1k, 1 node | %d nodes | errors |%n"
			.formatted(nodes, nodes));
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Pair pair : pairs) {
			ScenarioResult a = pair.alone();
			ScenarioResult t = pair.together();
			md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %,.0f | %.1f | %.2f | %.2f | %.2f | %,d |%n",
					a.scenario(), a.connections(), a.requestsPerSecond(), a.p99Millis(), t.requestsPerSecond(),
					t.p99Millis(), pair.ratio(), a.appCpuSecondsPerThousand(), t.appCpuSecondsPerThousand(),
					a.errors() + t.errors()));
		}
		if (!notes.isEmpty()) {
			md.append('\n');
			notes.forEach(note -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	void write(Path docs) throws IOException {
		Path file = docs.resolve("performance").resolve("nodes.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "# ./forum bench --nodes " + nodes + ", " + ForumBenchmark.now() + "\n\n"
				+ "Written by `./forum bench --nodes " + nodes + "`; see docs/DEPLOYMENT.md for what the figures mean "
				+ "for a deployment.\n\n" + markdown(), StandardCharsets.UTF_8);
		System.out.println("figures written to " + file);
	}
}
