package com.forum.web.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.forum.localservices.LocalServices;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile reaches Redis through Sentinel (spring.data.redis.sentinel.*). Spring Data Redis then
 * builds a Lettuce RedisClient whose URI names the Sentinels, so the rate limits' own connection finds the
 * primary through them as every other use of Redis does. A Sentinel of the test's own watches the test
 * services' Redis here; the failover itself is proven on the cluster (./forum cluster-proof).
 */
@IntegrationTest
class RedisSentinelIntegrationTest {

	@Autowired
	StringRedisTemplate applicationRedis;

	@Test
	void rateLimitsAndTemplatesReachThePrimaryThroughTheSentinels(@TempDir Path dir) throws Exception {
		int redisPort = LocalServices.current().orElseThrow().redisPort();
		int sentinelPort = freePort();
		Path config = dir.resolve("sentinel.conf");
		Files.writeString(config, String.join("\n", "port " + sentinelPort, "bind 127.0.0.1", "dir " + dir,
				"sentinel monitor forum 127.0.0.1 " + redisPort + " 1", ""));
		Process sentinel = new ProcessBuilder(LocalServices.redisServerBinary().toString(), config.toString(), "--sentinel")
			.redirectOutput(dir.resolve("sentinel.log").toFile())
			.redirectErrorStream(true)
			.start();
		LettuceConnectionFactory redis = new LettuceConnectionFactory(
				new RedisSentinelConfiguration("forum", Set.of("127.0.0.1:" + sentinelPort)));
		try {
			Await.until(Duration.ofSeconds(10), () -> answers(sentinelPort));
			redis.afterPropertiesSet();
			redis.start();
			assertThat(redis.getNativeClient()).isInstanceOf(RedisClient.class);
			StringRedisTemplate template = new StringRedisTemplate(redis);
			String key = "forum:sentinel-test:" + UUID.randomUUID();
			template.opsForValue().set(key, "through the sentinel", Duration.ofMinutes(1));

			RateLimiter limiter = new RateLimiter(redis, ClientAddressTest.properties(List.of()));
			try {
				Limit once = new Limit(1, Duration.ofHours(1));
				String subject = "member:" + UUID.randomUUID();
				assertThat(limiter.take("sentinel-test", once, subject)).isEmpty();
				assertThat(limiter.take("sentinel-test", once, subject)).isPresent();
			}
			finally {
				limiter.close();
			}
			// the very Redis the application uses, which the Sentinel named as the primary
			assertThat(applicationRedis.opsForValue().get(key))
				.isEqualTo("through the sentinel");
		}
		finally {
			redis.destroy();
			sentinel.destroy();
			sentinel.waitFor();
		}
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
