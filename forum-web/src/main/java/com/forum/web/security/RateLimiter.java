package com.forum.web.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import com.forum.shared.Digests;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Bucket4j over Lettuce): every node of the application counts against the same
 * bucket, and taking a token is one compare-and-swap in Redis, so 500 requests at once against a limit of
 * 10 admit exactly 10.
 * <p>
 * <b>While Redis is unreachable the limits let requests through</b> and log the outage once a minute, as
 * the daily quotas do ({@code DailyQuotas.take} and {@code DailyQuotas.today}): the limits slow abusers
 * down, they do not keep the forum's data right, and refusing every sign-in and post during an outage
 * would turn a Redis failure into a forum outage. What still holds meanwhile: Argon2 makes each password
 * guess cost tens of milliseconds of CPU, and the daily quotas' writes stay in PostgreSQL transactions.
 * A request waits at most {@code forum.security.redis-timeout} for Redis. A Redis that is connected but
 * too slow to answer in time (a flood) is another matter: the request is refused, to try again in a second.
 * <p>
 * A bucket's key names the limit and its shape ({@code forum:limit:threads:5/600:<subject>}), so a limit
 * changed in the configuration takes effect at once instead of after the old buckets expire; buckets
 * expire from Redis once they would be full again.
 */
@Component
class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

	private final LettuceConnectionFactory redis;

	private final Duration timeout;

	private StatefulRedisConnection<String, byte[]> connection;

	/**
	 * Requests of this node for one bucket take turns: Bucket4j updates a bucket by compare-and-swap, and
	 * hundreds of swaps racing for one key would retry each other into timeouts. Across nodes they still
	 * race, a few at a time.
	 */
	private final Lock[] stripes = new Lock[64];

	private ProxyManager<String> buckets;

	/** After a failed connection attempt, requests go through without waiting for another one until then. */
	private long nextConnectionAttempt = System.nanoTime();

	RateLimiter(LettuceConnectionFactory redis, SecurityProperties properties) {
		this.redis = redis;
		this.timeout = properties.redisTimeout();
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	/**
	 * Takes one token of the subject's bucket for this limit: empty when admitted, else how long until a
	 * token is back. Admitted as well (empty) while Redis cannot be reached.
	 */
	Optional<Duration> take(String name, Limit limit, String subject) {
		String key = key(name, limit, subject);
		Lock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
		lock.lock();
		try {
			ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Optional.empty()
					: Optional.of(Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
		}
		catch (TimeoutException slow) {
			if (connected()) {
				// Redis is there but did not answer in time (a flood of requests): refusing keeps the
				// limit; letting the request through would hand the flood the very gap it makes
				warnOnceAMinute("Requests are refused while Redis answers rate limits too slowly (over {}): {}", timeout,
						slow.toString());
				return Optional.of(Duration.ofSeconds(1));
			}
			uncounted(slow);
			return Optional.empty();
		}
		catch (RuntimeException unavailable) {
			uncounted(unavailable);
			return Optional.empty();
		}
		finally {
			lock.unlock();
		}
	}

	/** Gives a token back (a write that was rolled back, a sign-in that succeeded). */
	void giveBack(String name, Limit limit, String subject) {
		try {
			bucket(key(name, limit, subject), limit).addTokens(1);
		}
		catch (RuntimeException unavailable) {
			uncounted(unavailable);
		}
	}

	/** Fills the bucket again (an account's failures from an address are forgiven by its right password). */
	void clear(String name, Limit limit, String subject) {
		try {
			buckets().removeProxy(key(name, limit, subject));
		}
		catch (RuntimeException unavailable) {
			uncounted(unavailable);
		}
	}

	private BucketProxy bucket(String key, Limit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
			.build();
		return buckets().builder().build(key, () -> configuration);
	}

	private synchronized boolean connected() {
		return connection != null && connection.isOpen();
	}

	/** A subject that is a secret (a token) or arbitrarily long (a typed name), as a key may hold it. */
	static String digest(String text) {
		return Digests.sha256Hex(text);
	}

	private static String key(String name, Limit limit, String subject) {
		return "forum:limit:" + name + ":" + limit.capacity() + "/" + limit.period().toSeconds() + ":" + subject;
	}

	/**
	 * A connection of its own (Bucket4j stores its buckets as bytes), made on first use so that the
	 * application starts while Redis is away, and made again after it failed.
	 */
	private synchronized ProxyManager<String> buckets() {
		if (connection != null && !connection.isOpen()) {
			// Lettuce reconnects by itself, but backs off up to half a minute between tries, so the limits
			// would stay off long after Redis is back: a new connection is tried instead, at most every 5 s.
			// Meanwhile a command would wait out the whole timeout, on every request: none is sent.
			if (System.nanoTime() - nextConnectionAttempt < 0) {
				throw new IllegalStateException("Redis connection lost; reconnecting");
			}
			connection.closeAsync();
			connection = null;
			buckets = null;
		}
		if (buckets == null) {
			if (System.nanoTime() - nextConnectionAttempt < 0) {
				throw new IllegalStateException("Redis was unreachable a moment ago");
			}
			// a RedisClient for a standalone Redis and for Sentinel alike: Spring Data Redis gives the client
			// of a Sentinel configuration a sentinel URI, so this connection, like each of its reconnects,
			// asks the Sentinels for the current primary. (A Redis Cluster would be a RedisClusterClient.)
			if (!(redis.getNativeClient() instanceof RedisClient client)) {
				throw new IllegalStateException("Rate limits need a standalone or Sentinel-managed Redis, not a Redis Cluster");
			}
			try {
				connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			}
			catch (RuntimeException unreachable) {
				nextConnectionAttempt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
				throw unreachable;
			}
			connection.setTimeout(timeout);
			buckets = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.requestTimeout(timeout)
				.build();
		}
		return buckets;
	}

	@PreDestroy
	synchronized void close() {
		if (connection != null) {
			connection.close();
		}
	}

	/** One warning a minute at most: every request would log one while Redis is away. */
	private void uncounted(RuntimeException unavailable) {
		warnOnceAMinute("Rate limits are not enforced while Redis is unavailable: {}", unavailable.toString());
	}

	private void warnOnceAMinute(String message, Object... arguments) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
			log.warn(message, arguments);
		}
	}
}
