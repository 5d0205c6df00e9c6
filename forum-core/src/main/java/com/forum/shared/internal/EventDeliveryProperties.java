package com.forum.shared.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed and stuck event deliveries are retried.
 *
 * @param retryInterval how often the retry job runs on each node
 * @param stuckAfter how long a publication may stay published or in delivery before it counts as
 * failed (covers a node that died mid-delivery); longer than any listener takes
 * @param initialBackoff the wait before the first retry; each further retry waits twice as long
 * @param maxBackoff the longest wait between retries
 * @param maxAttempts retries after which a publication is abandoned and left to an admin
 * @param batchSize failed publications read per run
 * @param maxInFlight resubmitted publications allowed in delivery at once, across all nodes
 * @param retention how long completed publications are kept in the archive
 * @param listenerConcurrency deliveries run at once on each node; more wait in a queue
 */
@Validated
@ConfigurationProperties("forum.events")
record EventDeliveryProperties(@DefaultValue("5s") @NotNull Duration retryInterval,
		@DefaultValue("5m") @NotNull Duration stuckAfter, @DefaultValue("2s") @NotNull Duration initialBackoff,
		@DefaultValue("10m") @NotNull Duration maxBackoff, @DefaultValue("20") @Min(1) int maxAttempts,
		@DefaultValue("200") @Min(1) int batchSize, @DefaultValue("100") @Min(1) int maxInFlight,
		@DefaultValue("7d") @NotNull Duration retention, @DefaultValue("16") @Min(1) int listenerConcurrency) {

	/** The wait before the retry that follows the given number of attempts. */
	Duration backoff(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts, 0), 20);
		Duration wait = initialBackoff.multipliedBy(factor);
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
