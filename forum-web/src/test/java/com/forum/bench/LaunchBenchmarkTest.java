package com.forum.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.LaunchReconciliation;
import com.forum.web.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./forum bench-launch} in miniature: 2,000 members over HTTP from a separate process for 50
 * slots, once as it is and once with Redis killed and restarted during the sale.
 */
@IntegrationTest
class LaunchBenchmarkTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LaunchReconciliation reconciliation;

	@Test
	void twoThousandMembersRushingFiftySlotsGetExactlyFiftyEachToADifferentMember() throws Exception {
		LaunchBenchmark.Figures figures = benchmark().run(sale(false));
		figures.print(System.out);

		assertThat(figures.outcome().exact()).as(figures.outcome().toString()).isTrue();
		assertThat(figures.load().get("created")).isEqualTo(50);
		assertThat(figures.load().get("membersTwice")).isZero();
		// the rest were told, clearly: sold out
		assertThat(figures.load().get("soldOut")).isGreaterThanOrEqualTo(1_950);
		assertThat(figures.load().get("errors") + figures.load().get("unavailable")).isZero();
		assertThat(figures.load().others()).isEmpty();
		assertThat(figures.passed()).isTrue();
	}

	@Test
	void withRedisKilledDuringTheSaleItPausesWith503sAndResumesByItselfStillExact() throws Exception {
		LaunchBenchmark.Figures figures = benchmark().run(sale(true));
		figures.print(System.out);

		assertThat(figures.kill()).isNotNull();
		assertThat(figures.load().get("unavailable")).as("503s while Redis was down").isPositive();
		assertThat(figures.load().get("unfinished")).as("members still waiting at the end").isZero();
		assertThat(figures.outcome().exact()).as(figures.outcome().toString()).isTrue();
		assertThat(figures.load().get("created")).isEqualTo(50);
		assertThat(figures.load().get("membersTwice")).isZero();
		assertThat(figures.load().get("errors")).isZero();
		assertThat(figures.passed()).isTrue();
	}

	private LaunchBenchmark benchmark() {
		return new LaunchBenchmark(jdbc, redis, reconciliation, port);
	}

	private static LaunchBenchmark.Settings sale(boolean killRedis) {
		return new LaunchBenchmark.Settings(2_000, 50, 64, 3, 100, killRedis, Duration.ofSeconds(1), 0);
	}
}
