package com.forum.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.reputation.Reputation;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reservations while Redis cannot be reached, for real: the service is wired to a Lettuce connection
 * on a port with nothing listening. An attempt is refused as "unavailable, retry after" and nothing is
 * written; with Redis back the same member reserves.
 */
@IntegrationTest
class AdmissionWithoutRedisIntegrationTest {

	@Autowired
	LaunchRecords records;

	@Autowired
	Launches launches;

	@Autowired
	Reservations healthy;

	@Autowired
	ReservationCodes codes;

	@Autowired
	Reputation reputation;

	@Autowired
	PointsHolds holds;

	@Autowired
	Ledger ledger;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	LaunchProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate db;

	LettuceConnectionFactory unreachable;

	Reservations withoutRedis;

	@BeforeEach
	void wireToAPortWithNothingListening() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		withoutRedis = new Reservations(records, new Admission(new StringRedisTemplate(unreachable), properties), launches, codes,
				reputation, holds, ledger, events, properties, clock, tx);
	}

	@AfterEach
	void close() {
		unreachable.destroy();
	}

	@Test
	void anAttemptWhileRedisIsAwayIsToldToRetryAndWritesNothing() {
		Actor employee = new Actor(new MemberId(SeededMember.create(db, "staff", "EMPLOYEE", "none").id()),
				Role.EMPLOYEE);
		long launch = launches.create(employee, new LaunchDraft("Phone without Redis", 3,
				Instant.now().plus(Duration.ofDays(1)), List.of(), null, null, false)).id();
		db.update("update launch set opens_at = now() - interval '1 minute' where id = ?", launch);
		assertThat(launches.rebuild(launch)).isTrue();
		MemberId member = SeededMember.many(db, 1).getFirst();

		assertThatThrownBy(() -> withoutRedis.reserve(member, launch))
			.isInstanceOfSatisfying(LaunchUnavailableException.class,
					ex -> assertThat(ex.retryAfter()).isEqualTo(properties.retryAfter()));
		assertThat(db.queryForObject("select count(*) from launch_reservation where launch_id = ?", Long.class, launch))
			.isZero();

		assertThat(healthy.reserve(member, launch).state()).isEqualTo(ReservationState.PENDING);
	}
}
