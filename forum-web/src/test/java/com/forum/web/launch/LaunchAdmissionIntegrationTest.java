package com.forum.web.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.LaunchCheck;
import com.forum.launch.LaunchReconciliation;
import com.forum.launch.Launches;
import com.forum.launch.Reservations;
import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.shared.RuleViolationException;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No slot is ever sold twice: many members at once get exactly the slots, each at most one; Redis
 * losing a launch's keys mid-sale pauses admission with a 503 and Retry-After until they are rebuilt
 * from the database, by themselves. The reconciliation agrees after each.
 */
@IntegrationTest
class LaunchAdmissionIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	Launches launches;

	@Autowired
	Reservations reservations;

	@Autowired
	LaunchReconciliation reconciliation;

	@Autowired
	StringRedisTemplate redis;

	LaunchCalls calls;

	@BeforeEach
	void setUp() {
		calls = new LaunchCalls(new ApiClient(port), db, ledger, launches);
	}

	@Test
	void threeHundredMembersAtOnceGetExactlyTheFiftySlotsAndNoneTwice() throws Exception {
		long launch = calls.onSale(50, null);
		List<MemberId> members = SeededMember.many(db, 300);
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(32)) {
			List<Future<?>> attempts = new ArrayList<>();
			for (MemberId member : members) {
				// every member tries twice: the second must never get a second slot
				for (int i = 0; i < 2; i++) {
					attempts.add(threads.submit(() -> {
						String outcome;
						try {
							reservations.reserve(member, launch);
							outcome = "reserved";
						}
						catch (RuleViolationException refused) {
							outcome = refused.code();
						}
						outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
					}));
				}
			}
			for (Future<?> attempt : attempts) {
				attempt.get();
			}
		}

		assertThat(outcomes.get("reserved")).hasValue(50);
		assertThat(db.queryForObject("select count(*) from launch_reservation where launch_id = ?", Long.class, launch))
			.isEqualTo(50);
		assertThat(db.queryForObject("select count(distinct member_id) from launch_reservation where launch_id = ?",
				Long.class, launch)).isEqualTo(50);
		assertThat(db.queryForObject("select taken from launch where id = ?", Integer.class, launch)).isEqualTo(50);
		assertThat(redis.opsForValue().get("launch:{" + launch + "}:stock")).isEqualTo("0");
		assertThat(redis.opsForSet().size("launch:{" + launch + "}:holders")).isEqualTo(50);
		assertThat(check(launch).problems()).isEmpty();

		// what the many refused attempts of a sale cost once it is sold out: one script call each
		int refused = 20_000;
		AtomicInteger soldOut = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < refused; i++) {
				MemberId member = members.get(50 + i % 250);
				threads.submit(() -> {
					try {
						reservations.reserve(member, launch);
					}
					catch (RuleViolationException ex) {
						soldOut.incrementAndGet();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("Refused %d sold-out attempts in-process in %.2f s: %.0f attempts/s%n", refused, seconds,
				refused / seconds);
		assertThat(soldOut).hasValue(refused);
		assertThat(db.queryForObject("select taken from launch where id = ?", Integer.class, launch)).isEqualTo(50);
	}

	@Test
	void whenRedisLosesTheLaunchMidSaleAdmissionAnswers503AndResumesByItselfWithExactlyTheSlots() {
		long launch = calls.onSale(20, null);
		List<SeededMember> members = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			members.add(calls.member("flush" + i, 1));
		}
		for (int i = 0; i < 10; i++) {
			assertThat(calls.reserve(launch, members.get(i)).status()).isEqualTo(201);
		}

		// what a Redis restart without persistence or a FLUSHALL leaves of this launch: nothing
		redis.delete(List.of("launch:{" + launch + "}:meta", "launch:{" + launch + "}:stock",
				"launch:{" + launch + "}:holders"));
		Response meanwhile = calls.reserve(launch, members.get(10));

		assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(503);
		assertThat(meanwhile.retryAfter()).isEqualTo("2");
		assertThat(LaunchCalls.type(meanwhile)).isEqualTo("/problems/launch-unavailable");
		Await.until(Duration.ofSeconds(20), () -> redis.hasKey("launch:{" + launch + "}:meta"));
		assertThat(calls.reserve(launch, members.get(0)).status()).as("who held a slot still holds it").isEqualTo(409);
		int reserved = 10;
		for (int i = 10; i < 40; i++) {
			Response attempt = calls.reserve(launch, members.get(i));
			if (attempt.status() == 201) {
				reserved++;
			}
			else {
				assertThat(LaunchCalls.type(attempt)).isEqualTo("/problems/rules/launch-sold-out");
			}
		}
		assertThat(reserved).isEqualTo(20);
		assertThat(db.queryForObject("select count(*) from launch_reservation where launch_id = ?", Long.class, launch))
			.isEqualTo(20);
		assertThat(check(launch).problems()).isEmpty();
	}

	private LaunchCheck check(long launch) {
		return reconciliation.check().stream().filter(c -> c.launchId() == launch).findFirst().orElseThrow();
	}
}
