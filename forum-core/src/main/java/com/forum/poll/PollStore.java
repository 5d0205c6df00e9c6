package com.forum.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.forum.discussion.TopicId;
import com.forum.member.MemberId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Polls and their ballots in the database. A ballot is written under its row's lock, so one member's
 * submissions at once replace each other's choices in turn rather than adding to them.
 */
@Component
class PollStore {

	private final NamedParameterJdbcTemplate jdbc;

	PollStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new poll with its options; the thread's unique poll refuses a second with a duplicate key. */
	PollId insert(Poll poll, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update("""
				insert into poll (topic_id, author_id, question, multiple, max_choices, closes_at, created_at)
				values (:topic, :author, :question, :multiple, :maxChoices, :closesAt, :now)""",
				new MapSqlParameterSource("topic", poll.topicId().value()).addValue("author", poll.authorId().value())
					.addValue("question", poll.question())
					.addValue("multiple", poll.multiple())
					.addValue("maxChoices", poll.maxChoices())
					.addValue("closesAt", timestamp(poll.closesAt()))
					.addValue("now", timestamp(now)),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		MapSqlParameterSource[] options = poll.options()
			.stream()
			.map(option -> new MapSqlParameterSource("poll", id).addValue("position", option.position())
				.addValue("label", option.label()))
			.toArray(MapSqlParameterSource[]::new);
		jdbc.batchUpdate("insert into poll_option (poll_id, position, label) values (:poll, :position, :label)",
				options);
		return new PollId(id);
	}

	/**
	 * The thread's poll. {@code forVote} reads it under a share lock, which a closing waits for: no vote
	 * is counted after the poll closed.
	 */
	Optional<Poll> findByTopic(TopicId topic, LockMode lock) {
		List<Poll> found = jdbc.query("select * from poll where topic_id = :topic" + lock.sql,
				new MapSqlParameterSource("topic", topic.value()), (rs, n) -> poll(rs));
		return found.stream().findFirst();
	}

	void close(Poll poll) {
		jdbc.update("update poll set closed_at = :closedAt where id = :id",
				new MapSqlParameterSource("closedAt", timestamp(poll.closedAt())).addValue("id", poll.id()));
	}

	/** Replaces the member's choices with these. */
	void cast(PollId poll, MemberId voter, Set<Long> options, Instant now) {
		MapSqlParameterSource ballot = new MapSqlParameterSource("poll", poll.value()).addValue("member", voter.value())
			.addValue("now", timestamp(now));
		// takes the ballot row's lock until the commit: the member's other submissions wait here
		jdbc.update("""
				insert into poll_ballot (poll_id, member_id, cast_at) values (:poll, :member, :now)
				on conflict (poll_id, member_id) do update set cast_at = excluded.cast_at""", ballot);
		jdbc.update("delete from poll_choice where poll_id = :poll and member_id = :member", ballot);
		jdbc.batchUpdate("""
				insert into poll_choice (poll_id, member_id, option_id) values (:poll, :member, :option)
				on conflict do nothing""",
				options.stream()
					.map(option -> new MapSqlParameterSource("poll", poll.value()).addValue("member", voter.value())
						.addValue("option", option))
					.toArray(MapSqlParameterSource[]::new));
	}

	boolean retract(PollId poll, MemberId voter) {
		return jdbc.update("delete from poll_ballot where poll_id = :poll and member_id = :member",
				new MapSqlParameterSource("poll", poll.value()).addValue("member", voter.value())) == 1;
	}

	long voters(PollId poll) {
		Long count = jdbc.queryForObject("select count(*) from poll_ballot where poll_id = :poll",
				new MapSqlParameterSource("poll", poll.value()), Long.class);
		return count == null ? 0 : count;
	}

	/** Members who chose each option; options nobody chose are absent. */
	Map<Long, Long> counts(PollId poll) {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.query("select option_id, count(*) from poll_choice where poll_id = :poll group by option_id",
				new MapSqlParameterSource("poll", poll.value()), rs -> {
					counts.put(rs.getLong(1), rs.getLong(2));
				});
		return counts;
	}

	Set<Long> chosenBy(PollId poll, MemberId member) {
		return new HashSet<>(jdbc.queryForList(
				"select option_id from poll_choice where poll_id = :poll and member_id = :member",
				new MapSqlParameterSource("poll", poll.value()).addValue("member", member.value()), Long.class));
	}

	enum LockMode {

		NONE(""), FOR_VOTE(" for share"), FOR_CLOSE(" for update");

		private final String sql;

		LockMode(String sql) {
			this.sql = sql;
		}
	}

	private Poll poll(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<PollOption> options = jdbc.query(
				"select id, position, label from poll_option where poll_id = :poll order by position",
				new MapSqlParameterSource("poll", id),
				(o, n) -> new PollOption(o.getLong("id"), o.getInt("position"), o.getString("label")));
		return new Poll(id, new TopicId(rs.getLong("topic_id")), new MemberId(rs.getLong("author_id")),
				rs.getString("question"), rs.getBoolean("multiple"), rs.getObject("max_choices", Integer.class),
				instant(rs.getTimestamp("closes_at")), instant(rs.getTimestamp("closed_at")), options);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
