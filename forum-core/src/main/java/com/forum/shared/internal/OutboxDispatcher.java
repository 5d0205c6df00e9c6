package com.forum.shared.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.forum.shared.DomainEvent;
import com.forum.shared.OutboxConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox messages to their consumers. A delivery is claimed by pushing its next attempt
 * one lease ahead in a short transaction, handled outside any transaction (consumers call remote
 * services), then marked delivered or rescheduled with exponential back-off. A process that dies
 * mid-delivery leaves the claim to expire, so the message is retried and never lost; several nodes
 * can dispatch at once because claiming skips rows another node holds.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final ObjectProvider<OutboxConsumer> consumers;

	private final OutboxProperties properties;

	private final Clock clock;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private volatile java.lang.Thread worker;

	private Instant nextCleanup = Instant.EPOCH;

	OutboxDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, ObjectProvider<OutboxConsumer> consumers,
			OutboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.consumers = consumers;
		this.properties = properties;
		this.clock = clock;
	}

	void wake() {
		wakeUps.release();
	}

	@Override
	public void start() {
		if (!properties.dispatcherEnabled()) {
			return;
		}
		running = true;
		worker = java.lang.Thread.ofVirtual().name("outbox-dispatcher").start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		java.lang.Thread current = worker;
		if (current != null) {
			wake();
			try {
				current.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				java.lang.Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// stop after the web server so in-flight requests can still record events
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void run() {
		while (running) {
			try {
				int delivered = dispatchDue();
				if (delivered == 0) {
					wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					wakeUps.drainPermits();
				}
				cleanUpNowAndThen();
			}
			catch (InterruptedException ex) {
				java.lang.Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the database may be briefly away; the claims expire and are retried
				log.warn("Outbox dispatch failed: {}", ex.getMessage());
				sleepQuietly(properties.pollInterval());
			}
		}
	}

	/** Claims and delivers one batch of due messages; returns how many were claimed. */
	int dispatchDue() {
		List<Claimed> batch = claim();
		Map<String, OutboxConsumer> byName = consumers.orderedStream()
			.collect(Collectors.toMap(OutboxConsumer::name, Function.identity()));
		for (Claimed message : batch) {
			deliver(message, byName.get(message.consumer()));
		}
		return batch.size();
	}

	private List<Claimed> claim() {
		Timestamp now = Timestamp.from(clock.instant());
		Timestamp leaseEnd = Timestamp.from(clock.instant().plus(properties.lease()));
		return tx.execute(status -> jdbc.query("""
				update outbox_message set next_attempt_at = ?, attempts = attempts + 1
				where id in (select id from outbox_message
				             where delivered_at is null and next_attempt_at <= ?
				             order by id limit ? for update skip locked)
				returning id, consumer, event_type, payload, attempts""",
				(rs, i) -> new Claimed(rs.getLong("id"), rs.getString("consumer"), rs.getString("event_type"),
						rs.getString("payload"), rs.getInt("attempts")),
				leaseEnd, now, properties.batchSize()));
	}

	private void deliver(Claimed message, OutboxConsumer consumer) {
		try {
			if (consumer == null) {
				throw new IllegalStateException("No consumer named " + message.consumer() + " in this application");
			}
			DomainEvent event = (DomainEvent) json.readValue(message.payload(), Class.forName(message.eventType()));
			consumer.handle(event);
			jdbc.update("update outbox_message set delivered_at = ?, last_error = null where id = ?",
					Timestamp.from(clock.instant()), message.id());
		}
		catch (Exception ex) {
			Duration backoff = backoff(message.attempts());
			log.info("Delivery {} to {} failed (attempt {}), retrying in {}: {}", message.id(), message.consumer(),
					message.attempts(), backoff, ex.toString());
			jdbc.update("update outbox_message set next_attempt_at = ?, last_error = ? where id = ?",
					Timestamp.from(clock.instant().plus(backoff)), abbreviate(ex.toString()), message.id());
		}
	}

	Duration backoff(int attempts) {
		long millis = 250L << Math.min(attempts - 1, 16);
		return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
	}

	private void cleanUpNowAndThen() {
		Instant now = clock.instant();
		if (now.isBefore(nextCleanup)) {
			return;
		}
		nextCleanup = now.plus(Duration.ofHours(1));
		jdbc.update("delete from outbox_message where delivered_at < ?",
				Timestamp.from(now.minus(properties.retention())));
	}

	private static String abbreviate(String text) {
		return text.length() <= 2000 ? text : text.substring(0, 2000);
	}

	private static void sleepQuietly(Duration duration) {
		try {
			java.lang.Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			java.lang.Thread.currentThread().interrupt();
		}
	}

	private record Claimed(long id, String consumer, String eventType, String payload, int attempts) {
	}
}
