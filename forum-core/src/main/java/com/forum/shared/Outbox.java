package com.forum.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the outbox holds: deliveries still owed, and the events recorded for a consumer lately. */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	Outbox(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long pendingDeliveries(String consumer) {
		Long count = jdbc.queryForObject(
				"select count(*) from outbox_message where delivered_at is null and consumer = ?", Long.class, consumer);
		return count == null ? 0 : count;
	}

	/**
	 * Every event recorded for the consumer since the given moment, delivered or not, oldest first;
	 * lets a rebuilt read model apply again what happened while it was being rebuilt.
	 */
	public List<DomainEvent> recordedSince(String consumer, Instant since) {
		return jdbc.query("""
				select event_type, payload from outbox_message
				where consumer = ? and created_at >= ? order by id""", (rs, i) -> {
			try {
				return (DomainEvent) json.readValue(rs.getString("payload"), Class.forName(rs.getString("event_type")));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("Unknown event type in the outbox: " + rs.getString("event_type"), ex);
			}
		}, consumer, Timestamp.from(since));
	}
}
