package com.forum.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.forum.bench.BenchSeeder.Volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The parts of {@code ./forum bench} that need no stack: options, the data set's shape, the report. */
class ForumBenchmarkTest {

	@Test
	void runsTheWholeSuiteOnTheFullDataSetByDefault() {
		ForumBenchmark.Options options = ForumBenchmark.Options.parse(new String[0]);

		assertThat(options.scale()).isEqualTo(1.0);
		assertThat(options.connections()).containsExactly(16, 64, 256);
		assertThat(options.only()).isEmpty();
		assertThat(Volume.FULL.scaled(options.scale()))
			.isEqualTo(new Volume(20_000, 10_000, 200_000, 5_000, 500_000));
	}

	@Test
	void readsEveryOptionAndRefusesAnUnknownOne() {
		ForumBenchmark.Options options = ForumBenchmark.Options.parse(new String[] { "--scale=0.01", "--seconds=3",
				"--connections=16,64", "--only=thread,search", "--reseed", "--app-jvm=-Xmx1g -XX:+UseSerialGC" });

		assertThat(options.seconds()).isEqualTo(3);
		assertThat(options.connections()).containsExactly(16, 64);
		assertThat(options.only()).containsExactly("thread", "search");
		assertThat(options.reseed()).isTrue();
		assertThat(options.appJvm()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
		assertThatIllegalArgumentException().isThrownBy(() -> ForumBenchmark.Options.parse(new String[] { "--scael=1" }))
			.withMessageContaining("--scael");
	}

	@Test
	void aSmallerDataSetKeepsItsProportionsAndNeverEmptiesAPart() {
		assertThat(Volume.FULL.scaled(0.25)).isEqualTo(new Volume(5_000, 2_500, 50_000, 1_250, 125_000));
		assertThat(Volume.FULL.scaled(0.0001)).isEqualTo(new Volume(50, 20, 400, 10, 500));
	}

	@Test
	void popularItemsAreChosenFarMoreOftenThanTheTail() {
		SplittableRandom random = new SplittableRandom(1);
		int[] counts = new int[1000];
		for (int i = 0; i < 100_000; i++) {
			counts[BenchSeeder.zipf(random, counts.length)]++;
		}

		assertThat(counts[0]).isGreaterThan(counts[500] * 50);
		assertThat(java.util.Arrays.stream(counts).filter(c -> c > 0).count()).isGreaterThan(900);
	}

	@Test
	void theReportHoldsEveryRunTheColdStartAndTheWholeStacksMemory() {
		Map<String, Long> rest = new LinkedHashMap<>(Map.of("app", 300L << 20));
		rest.put("Elasticsearch", 700L << 20);
		Map<String, Long> loaded = Map.of("app", 500L << 20, "Elasticsearch", 750L << 20);
		Report report = new Report(Volume.FULL, Duration.ofMillis(8_400), rest, loaded,
				List.of(new ScenarioResult("home page", 16, 12_000, 10, 4.2, 19.5, 0, 1.25),
						new ScenarioResult("home page", 64, 13_000, 10, 40.0, 120.0, 3, 1.20)),
				List.of("votes exact"), ForumBenchmark.Options.parse(new String[0]));

		String markdown = report.markdown();

		assertThat(markdown).contains("| home page | 16 | 1,200 | 4.2 | 19.5 | 0 | 1.25 |")
			.contains("| home page | 64 | 1,300 | 40.0 | 120.0 | 3 | 1.20 |")
			.contains("Cold start of the app: 8.4 s")
			.contains("| **whole stack** | **1,000** | **1,250** |")
			.contains("- votes exact");
	}
}
