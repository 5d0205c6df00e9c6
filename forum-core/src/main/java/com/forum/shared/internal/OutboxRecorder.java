package com.forum.shared.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.forum.shared.DomainEvent;
import com.forum.shared.OutboxConsumer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every published domain event into the outbox, one row per interested consumer, inside the
 * transaction that published it: the event exists exactly when the change does.
 */
@Component
class OutboxRecorder {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final ObjectProvider<OutboxConsumer> consumers;

	private final OutboxDispatcher dispatcher;

	private final Clock clock;

	OutboxRecorder(JdbcTemplate jdbc, JsonMapper json, ObjectProvider<OutboxConsumer> consumers,
			OutboxDispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.consumers = consumers;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@EventListener
	void record(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A domain event must be published inside the transaction that caused it: "
					+ event.getClass().getSimpleName());
		}
		List<OutboxConsumer> interested = consumers.orderedStream().filter(c -> c.accepts(event)).toList();
		if (interested.isEmpty()) {
			return;
		}
		String payload = json.writeValueAsString(event);
		Timestamp now = Timestamp.from(clock.instant());
		for (OutboxConsumer consumer : interested) {
			jdbc.update("""
					insert into outbox_message (consumer, event_type, payload, created_at, next_attempt_at)
					values (?, ?, cast(? as jsonb), ?, ?)""", consumer.name(), event.getClass().getName(), payload,
					now, now);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				dispatcher.wake();
			}
		});
	}
}
