package com.forum.web.security;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented choice for a Redis outage: limits let requests through, quickly, rather than turn the
 * outage into refused sign-ins and posts (as the daily quotas do).
 */
class RateLimiterWithoutRedisTest {

	@Test
	void whileRedisCannotBeReachedEveryRequestIsAdmittedWithoutWaitingLong() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		LettuceConnectionFactory redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
		redis.afterPropertiesSet();
		redis.start();
		RateLimiter limiter = new RateLimiter(redis, ClientAddressTest.properties(List.of()));
		try {
			long started = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				assertThat(limiter.take("threads", new Limit(1, Duration.ofHours(1)), "member:1")).isEmpty();
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			limiter.close();
			redis.destroy();
		}
	}
}
