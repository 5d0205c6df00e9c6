package com.forum.web.reputation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.leaderboard.Leaderboard;
import com.forum.leaderboard.LeaderboardKind;
import com.forum.leaderboard.LeaderboardPeriod;
import com.forum.leaderboard.Leaderboards;
import com.forum.leaderboard.Ranking;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.Posting;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The leaderboards while Redis cannot be reached, for real: the component is wired to a Lettuce
 * connection whose port has nothing listening (a relay to the test's Redis that is opened later).
 * The boards answer from the ledger with the same ranks Redis gives, and once Redis is back the
 * periodic check rebuilds every current board, correcting what Redis missed meanwhile.
 */
@IntegrationTest
class LeaderboardsWithoutRedisIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ALL_TIME_POINTS = "forum:leaderboard:points:all-time:all";

	@Autowired
	ApplicationContext application;

	@Autowired
	Leaderboards healthy;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisConnectionFactory redisConnections;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcTemplate db;

	Relay relay;

	LettuceConnectionFactory unreachable;

	GenericApplicationContext wiring;

	Leaderboards leaderboards;

	@BeforeEach
	void wireToAPortWithNothingListening() throws IOException {
		LettuceConnectionFactory real = (LettuceConnectionFactory) redisConnections;
		relay = new Relay(real.getHostName(), real.getPort());
		unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", relay.port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		// the component as the application builds it, its other collaborators the application's own
		wiring = new GenericApplicationContext();
		wiring.setParent(application);
		wiring.registerBean("stringRedisTemplate", StringRedisTemplate.class, () -> new StringRedisTemplate(unreachable),
				definition -> definition.setPrimary(true));
		wiring.registerBean(Leaderboards.class,
				definition -> ((AbstractBeanDefinition) definition).setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR));
		wiring.refresh();
		leaderboards = wiring.getBean(Leaderboards.class);
	}

	@AfterEach
	void close() throws IOException {
		wiring.close();
		unreachable.destroy();
		relay.close();
	}

	@Test
	void theBoardsAnswerFromTheLedgerWhileRedisIsAwayAndAreRebuiltWhenItIsBack() throws IOException {
		Timestamp began = Timestamp.from(Instant.now());
		String tag = UUID.randomUUID().toString().substring(0, 6);
		MemberId first = member("away1-" + tag);
		MemberId tiedA = member("away2-" + tag);
		MemberId tiedB = member("away3-" + tag);
		MemberId nobody = member("away4-" + tag);
		earn(first, 1_800_000_001);
		earn(tiedA, 1_800_000_000);
		earn(tiedB, 1_800_000_000);
		awaitDelivered(began);

		for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
			Leaderboard fromLedger = leaderboards.top(LeaderboardKind.POINTS, period);
			Leaderboard fromRedis = healthy.top(LeaderboardKind.POINTS, period);
			assertThat(fromLedger.window()).isEqualTo(fromRedis.window());
			assertThat(fromLedger.top()).extracting(Ranking::rank, Ranking::score)
				.as("the %s board read from the ledger", period)
				.isEqualTo(fromRedis.top().stream().map(r -> tuple(r.rank(), r.score())).toList());
			assertThat(fromLedger.top().subList(0, 3)).extracting(Ranking::member)
				.containsExactlyInAnyOrder(first, tiedA, tiedB);
			assertThat(fromLedger.top().subList(0, 3)).extracting(Ranking::rank).containsExactly(1, 2, 2);
			assertThat(leaderboards.rankOf(LeaderboardKind.POINTS, period, tiedB))
				.contains(new Ranking(2, tiedB, 1_800_000_000L));
			assertThat(leaderboards.rankOf(LeaderboardKind.POINTS, period, nobody)).isEmpty();
		}
		assertThat(leaderboards.top(LeaderboardKind.REPUTATION, LeaderboardPeriod.WEEK).top())
			.extracting(Ranking::score)
			.isEqualTo(healthy.top(LeaderboardKind.REPUTATION, LeaderboardPeriod.WEEK).top().stream()
				.map(Ranking::score).toList());

		// what Redis got wrong meanwhile: a score that missed its update, a member who is no longer there
		redis.opsForZSet().add(ALL_TIME_POINTS, first.toString(), 1);
		redis.opsForZSet().add(ALL_TIME_POINTS, nobody.toString(), 1_900_000_000);

		relay.open();
		assertThat(leaderboards.rebuildMissing()).as("every current board, once Redis is back").isEqualTo(6);
		assertThat(redis.opsForZSet().score(ALL_TIME_POINTS, first.toString())).isEqualTo(1_800_000_001d);
		assertThat(redis.opsForZSet().score(ALL_TIME_POINTS, nobody.toString())).isNull();
		assertThat(leaderboards.rebuildMissing()).as("only after an outage are whole boards rebuilt").isZero();
		assertThat(healthy.rankOf(LeaderboardKind.POINTS, LeaderboardPeriod.ALL_TIME, first))
			.contains(new Ranking(1, first, 1_800_000_001L));
	}

	/** Every listener has had this test's postings: the boards in Redis are up to date, and no delivery is left owed. */
	private void awaitDelivered(Timestamp since) {
		String owed = "from event_publication where completion_date is null and publication_date >= ?";
		try {
			Await.until(WAIT, () -> db.queryForObject("select count(*) " + owed, Long.class, since) == 0);
		}
		catch (AssertionError ex) {
			throw new AssertionError("deliveries owed: " + db.queryForList("select * " + owed, since), ex);
		}
	}

	private MemberId member(String prefix) {
		return new MemberId(SeededMember.create(db, prefix, "MEMBER", "none").id());
	}

	private void earn(MemberId member, int points) {
		ledger.post(Posting.of(member, Account.POINTS, points, "test", "test:away:" + UUID.randomUUID()));
	}

	/**
	 * A port with nothing listening until {@link #open()}, then a relay to the real Redis: a Redis
	 * that cannot be connected to, and then can, with nothing mocked.
	 */
	static final class Relay implements AutoCloseable {

		final int port;

		private final String host;

		private final int target;

		private ServerSocket server;

		Relay(String host, int target) throws IOException {
			this.host = host;
			this.target = target;
			try (ServerSocket free = new ServerSocket(0)) {
				this.port = free.getLocalPort();
			}
		}

		void open() throws IOException {
			server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress("127.0.0.1", port));
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					try {
						Socket client = server.accept();
						Socket redis = new Socket(host, target);
						pump(client, redis);
						pump(redis, client);
					}
					catch (IOException ex) {
						// closed
					}
				}
			});
		}

		private static void pump(Socket from, Socket to) {
			Thread.ofVirtual().start(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					// either side closed
				}
			});
		}

		@Override
		public void close() throws IOException {
			if (server != null) {
				server.close();
			}
		}
	}
}
