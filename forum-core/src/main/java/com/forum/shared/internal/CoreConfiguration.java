package com.forum.shared.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	/** One clock for the whole domain, so tests can move time instead of waiting for it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * While Redis cannot be reached, a command fails at once instead of waiting in Lettuce's queue until
	 * the command timeout (2 s): every Redis user has its answer for that case (admission answers 503 with
	 * Retry-After, leaderboards read the ledger, quotas and sign-in throttling refuse or fall back), and a
	 * queued command would hold its request, and in a flash sale every request, for the whole timeout.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer redisRefusesWhileDisconnected() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Lettuce reconnects by itself with a delay doubling up to 30 s; capped at half a second, a Redis
	 * that restarted is used again within half a second, which is when a paused sale resumes.
	 */
	@Bean
	ClientResourcesBuilderCustomizer redisReconnectsSoon() {
		return resources -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS));
	}
}
