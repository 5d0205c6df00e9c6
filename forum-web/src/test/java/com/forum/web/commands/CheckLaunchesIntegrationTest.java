package com.forum.web.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.LaunchCheck;
import com.forum.launch.LaunchDraft;
import com.forum.launch.LaunchReconciliation;
import com.forum.launch.Launches;
import com.forum.launch.Reservations;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation job and {@code ./forum check-launches} find nothing on a clean sale and name a
 * planted oversell and a holder Redis made up, exiting 1. Redis that lost acknowledged writes (as a
 * replica promoted by Sentinel can have) is rebuilt from PostgreSQL once the node's connection comes back.
 */
@IntegrationTest
class CheckLaunchesIntegrationTest {

	@Autowired
	JdbcTemplate db;

	@Autowired
	Launches launches;

	@Autowired
	Reservations reservations;

	@Autowired
	LaunchReconciliation reconciliation;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ConfigurableApplicationContext context;

	@Value("${spring.data.redis.port}")
	int redisPort;

	@Test
	void aCleanSaleChecksOutAndAPlantedViolationIsReported() {
		List<MemberId> members = SeededMember.many(db, 3);
		long launch = saleWithTwoReserved("Checked phone", 2, members);

		assertThat(check(launch).violated()).isFalse();
		assertThat(printed(launch)).endsWith("ok").contains("2 slots, 2 pending + 0 confirmed, taken 2; Redis 0 left, 2 holders");

		// a third reservation written behind the conditional update's back, and a holder Redis made up
		db.update("""
				insert into launch_reservation (launch_id, member_id, code, state, created_at, expires_at)
				values (?, ?, 'PLANTED-' || ?, 'PENDING', now(), now() + interval '1 day')""", launch,
				members.get(2).value(), launch);
		redis.opsForSet().add("launch:{" + launch + "}:holders", "424242");
		try {
			LaunchCheck found = check(launch);
			assertThat(found.problems()).anySatisfy(p -> assertThat(p).startsWith("OVERSOLD: 3 pending + 0 confirmed > 2"))
				.anySatisfy(p -> assertThat(p).contains("holders differ"));
			assertThat(printed(launch)).contains("VIOLATION: OVERSOLD");
			assertThat(command().check(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
				.isEqualTo(1);
		}
		finally {
			db.update("update launch_reservation set state = 'CANCELLED' where launch_id = ? and member_id = ?", launch,
					members.get(2).value());
			redis.opsForSet().remove("launch:{" + launch + "}:holders", "424242");
		}
		assertThat(check(launch).violated()).isFalse();
	}

	@Test
	void aReservationRedisLostIsRebuiltFromPostgresqlOnceTheConnectionComesBack() {
		List<MemberId> members = SeededMember.many(db, 2);
		long launch = saleWithTwoReserved("Failed-over phone", 3, members);
		// what a promoted replica lacks when the primary died before sending it the second admission
		redis.opsForSet().remove("launch:{" + launch + "}:holders", Long.toString(members.get(1).value()));
		redis.opsForValue().increment("launch:{" + launch + "}:stock");
		assertThat(check(launch).redisDisagrees()).isTrue();

		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redisPort));
		try (StatefulRedisConnection<String, String> admin = client.connect()) {
			admin.sync().clientKill(KillArgs.Builder.typePubsub());
		}
		finally {
			client.shutdown();
		}

		Await.until(Duration.ofSeconds(10), () -> !check(launch).violated());
		assertThat(check(launch)).extracting(LaunchCheck::redisStock, LaunchCheck::redisHolders).containsExactly(1L, 2);
	}

	/** A launch on sale with its keys in Redis, where the first two of the members reserved a slot. */
	private long saleWithTwoReserved(String product, int slots, List<MemberId> members) {
		Actor employee = new Actor(new MemberId(SeededMember.create(db, "staff", "EMPLOYEE", "none").id()), Role.EMPLOYEE);
		long launch = launches.create(employee, new LaunchDraft(product, slots, Instant.now().plus(Duration.ofDays(1)),
				List.of(), null, null, false)).id();
		db.update("update launch set opens_at = now() - interval '1 minute' where id = ?", launch);
		assertThat(launches.rebuild(launch)).isTrue();
		reservations.reserve(members.get(0), launch);
		reservations.reserve(members.get(1), launch);
		return launch;
	}

	private LaunchCheck check(long launch) {
		return reconciliation.check().stream().filter(c -> c.launchId() == launch).findFirst().orElseThrow();
	}

	private String printed(long launch) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command().check(new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("launch " + launch + " "))
			.findFirst().orElseThrow();
	}

	private CheckLaunchesCommand command() {
		return new CheckLaunchesCommand(reconciliation, context);
	}
}
