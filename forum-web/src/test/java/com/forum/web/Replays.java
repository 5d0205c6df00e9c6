package com.forum.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events published again, as the retry job or a second node would deliver them, for tests of
 * idempotent listeners. Each round waits until the previous one is delivered: the publication
 * registry completes a delivery by its listener and serialized event, so identical copies delivered
 * at the same moment contend for the same rows and one can stay "processing" until the stuck-delivery
 * retry minutes later; production replays arrive one at a time.
 */
public final class Replays {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private Replays() {
	}

	/** Publishes the events, each round in a transaction of its own, and waits for their deliveries. */
	public static void publish(TransactionTemplate tx, ApplicationEventPublisher events, JdbcTemplate jdbc, int rounds,
			Object... replayed) {
		List<String> types = Arrays.stream(replayed).map(event -> event.getClass().getName()).distinct().toList();
		for (int round = 0; round < rounds; round++) {
			Timestamp since = Timestamp.from(Instant.now().minusSeconds(1));
			tx.executeWithoutResult(status -> Arrays.stream(replayed).forEach(events::publishEvent));
			Await.until(WAIT, () -> jdbc.queryForObject("""
					select count(*) from event_publication
					where completion_date is null and publication_date >= ? and event_type = any(?)""", Long.class, since,
					types.toArray(String[]::new)) == 0);
		}
	}
}
