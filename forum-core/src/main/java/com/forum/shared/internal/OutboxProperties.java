package com.forum.shared.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers events.
 *
 * @param dispatcherEnabled whether this node delivers (every node records)
 * @param pollInterval how often to look for due deliveries when nothing woke the dispatcher
 * @param lease how long a claimed delivery is reserved before another node may retry it; covers a
 * process dying mid-delivery
 * @param maxBackoff the longest wait between retries of a failing delivery
 * @param batchSize deliveries claimed at once
 * @param retention how long delivered messages are kept for inspection
 */
@ConfigurationProperties("forum.outbox")
public record OutboxProperties(@DefaultValue("true") boolean dispatcherEnabled,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("50") int batchSize,
		@DefaultValue("7d") Duration retention) {
}
