package com.forum.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.forum.member.MemberId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which posts wait for a moderator: those with open flags and those hidden, unless deleted since
 * (with their thread, for replies), the longest waiting first.
 */
@Component
class PendingReviews {

	private static final String PENDING = """
			with waiting as (
			    select post_kind, post_id, min(created_at) as since from post_flag
			    where resolution is null group by post_kind, post_id
			    union all
			    select 'TOPIC', id, hidden_at from topic where hidden_at is not null and deleted_at is null
			    union all
			    select 'REPLY', id, hidden_at from reply where hidden_at is not null and deleted_at is null
			), posts as (
			    select post_kind, post_id, min(since) as since from waiting group by post_kind, post_id
			), pending as (
			    select p.post_kind, p.post_id, p.since, t.id as topic_id, t.title, t.author_id, t.body,
			           t.hidden_at, t.hidden_by, t.hidden_reason, t.hidden_note
			    from posts p join topic t on p.post_kind = 'TOPIC' and t.id = p.post_id and t.deleted_at is null
			    union all
			    select p.post_kind, p.post_id, p.since, t.id, t.title, r.author_id, r.body,
			           r.hidden_at, r.hidden_by, r.hidden_reason, r.hidden_note
			    from posts p join reply r on p.post_kind = 'REPLY' and r.id = p.post_id and r.deleted_at is null
			    join topic t on t.id = r.topic_id and t.deleted_at is null
			)
			""";

	private static final String IN_TOPIC = " where cast(:topic as bigint) is null or topic_id = :topic";

	private final NamedParameterJdbcTemplate jdbc;

	PendingReviews(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many wait, in one thread or (null) everywhere. */
	long count(TopicId topic) {
		Long count = jdbc.queryForObject(PENDING + "select count(*) from pending" + IN_TOPIC, in(topic), Long.class);
		return count == null ? 0 : count;
	}

	List<Pending> page(TopicId topic, int page, int size) {
		return jdbc.query(PENDING + "select * from pending" + IN_TOPIC
				+ " order by since, post_kind, post_id limit :limit offset :offset",
				in(topic).addValue("limit", size).addValue("offset", (long) page * size), PendingReviews::pending);
	}

	private static MapSqlParameterSource in(TopicId topic) {
		return new MapSqlParameterSource("topic", topic == null ? null : topic.value());
	}

	private static Pending pending(ResultSet rs, int row) throws SQLException {
		long hiddenBy = rs.getLong("hidden_by");
		boolean hidden = !rs.wasNull();
		String reason = rs.getString("hidden_reason");
		return new Pending(PostKind.valueOf(rs.getString("post_kind")), rs.getLong("post_id"),
				new TopicId(rs.getLong("topic_id")), rs.getString("title"), new MemberId(rs.getLong("author_id")),
				rs.getString("body"), rs.getTimestamp("since").toInstant(),
				rs.getTimestamp("hidden_at") == null ? null : rs.getTimestamp("hidden_at").toInstant(),
				hidden ? new MemberId(hiddenBy) : null, reason == null ? null : FlagReason.valueOf(reason),
				rs.getString("hidden_note"));
	}

	record Pending(PostKind kind, long postId, TopicId topicId, String title, MemberId authorId, String body,
			Instant since, Instant hiddenAt, MemberId hiddenBy, FlagReason hiddenReason, String hiddenNote) {
	}
}
