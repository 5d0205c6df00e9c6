package com.forum.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins see of event delivery: publications still owed, failed or abandoned, with the
 * listener, the attempts and the last error, and a way to hand them back to the retry job.
 * Resubmitting only makes a publication due again; the retry job delivers it through Spring
 * Modulith like every other retry, so there is one delivery path.
 */
@Service
public class EventDeliveries {

	private static final String LIVE = """
			select p.id, p.status, p.event_type, p.serialized_event, p.listener_id, coalesce(p.completion_attempts, 0) as attempts,
			       p.publication_date, p.last_resubmission_date, f.last_error
			from event_publication p left join event_publication_failure f on f.publication_id = p.id
			""";

	private static final String ABANDONED = """
			select id, 'ABANDONED' as status, event_type, serialized_event, listener_id, completion_attempts as attempts,
			       publication_date, last_resubmission_date, last_error
			from event_publication_abandoned
			""";

	private final NamedParameterJdbcTemplate jdbc;

	EventDeliveries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Page<EventDelivery> list(EventDeliveryState state, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
		String from = switch (state) {
			case PENDING -> LIVE + " where p.completion_date is null and p.status <> 'FAILED'";
			case FAILED -> LIVE + " where p.completion_date is null and p.status = 'FAILED'";
			case ABANDONED -> ABANDONED;
		};
		Long total = jdbc.queryForObject("select count(*) from (" + from + ") d", params, Long.class);
		List<EventDelivery> items = jdbc.query(
				"select * from (" + from + ") d order by publication_date, id limit :limit offset :offset", params,
				(rs, i) -> delivery(rs, state));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	@Transactional(readOnly = true)
	public long count(EventDeliveryState state) {
		return list(state, 0, 1).getTotalElements();
	}

	/**
	 * Makes a failed or abandoned publication due for delivery at the retry job's next run, with its
	 * attempts counted afresh.
	 */
	@Transactional
	public void resubmit(UUID id) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		if (jdbc.update(REVIVE + " where status = 'FAILED' and id = :id", params) == 0
				&& jdbc.update(RESTORE.formatted("where id = :id"), params) == 0) {
			throw new NotFoundException("failed event delivery", id);
		}
	}

	/** Makes every failed or abandoned publication due again; returns how many. */
	@Transactional
	public int resubmitAll() {
		MapSqlParameterSource none = new MapSqlParameterSource();
		return jdbc.update(REVIVE + " where status = 'FAILED'", none) + jdbc.update(RESTORE.formatted(""), none);
	}

	private static final String REVIVE = """
			update event_publication set completion_attempts = 0, last_resubmission_date = null""";

	private static final String RESTORE = """
			with restored as (delete from event_publication_abandoned %s returning *)
			insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
			                               completion_attempts, last_resubmission_date)
			select id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 0, null from restored""";

	private static EventDelivery delivery(ResultSet rs, EventDeliveryState state) throws SQLException {
		return new EventDelivery(rs.getObject("id", UUID.class), state, rs.getString("event_type"),
				rs.getString("serialized_event"), rs.getString("listener_id"), rs.getInt("attempts"),
				instant(rs.getTimestamp("publication_date")), instant(rs.getTimestamp("last_resubmission_date")),
				rs.getString("last_error"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
