package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.forum.shared.ClusterJobs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs that must run once per period across the cluster take a lock in PostgreSQL first. Two timers
 * stand for two nodes: each fires every period, out of step with the other, and the job still runs about
 * once a period rather than twice.
 */
@IntegrationTest
class ClusterJobsIntegrationTest {

	@Autowired
	ClusterJobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoNodesFiringTheSameJobEveryPeriodRunItOncePerPeriod() throws Exception {
		Duration period = Duration.ofMillis(400);
		AtomicInteger runs = new AtomicInteger();
		Runnable job = jobs.every("test-" + UUID.randomUUID(), period, runs::incrementAndGet);
		ScheduledExecutorService nodes = Executors.newScheduledThreadPool(2);
		long started = System.nanoTime();
		try {
			nodes.scheduleWithFixedDelay(job, 0, period.toMillis(), TimeUnit.MILLISECONDS);
			nodes.scheduleWithFixedDelay(job, period.toMillis() / 2, period.toMillis(), TimeUnit.MILLISECONDS);
			Thread.sleep(period.toMillis() * 10);
		}
		finally {
			nodes.shutdownNow();
			nodes.awaitTermination(5, TimeUnit.SECONDS);
		}
		double periods = (System.nanoTime() - started) / 1e6 / period.toMillis();
		System.out.printf("cluster jobs: two timers ran a locked job %d times in %.1f periods%n", runs.get(), periods);
		// each timer alone would run it about once a period: both together without the lock twice as often
		assertThat(runs.get()).as("runs in %.1f periods", periods)
			.isGreaterThanOrEqualTo((int) (periods * 0.6))
			.isLessThanOrEqualTo((int) Math.ceil(periods * 1.2));
	}

	@Test
	void theClusterWideJobsOfTheApplicationRunUnderTheirLocks() {
		Await.until(Duration.ofSeconds(20), () -> jdbc.queryForList("select name from shedlock", String.class)
			.containsAll(List.of("petition-vote-fold", "badge-sweep", "points-holds-expiry", "leaderboard-check")));
		assertThat(jdbc.queryForList("select name from shedlock", String.class)).contains("petition-vote-fold",
				"badge-sweep", "points-holds-expiry", "leaderboard-check", "mail-digests",
				"launch-reservation-upkeep");
	}
}
