package com.forum.watching;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The levels members chose for threads and boards, and who watches a thread. */
@Service
public class Watching {

	private final NamedParameterJdbcTemplate jdbc;

	private final DiscussionQueries discussions;

	private final BoardCatalog boards;

	Watching(NamedParameterJdbcTemplate jdbc, DiscussionQueries discussions, BoardCatalog boards) {
		this.jdbc = jdbc;
		this.discussions = discussions;
		this.boards = boards;
	}

	/** The level named as forms and the API send it; anything else is refused. */
	public static NotificationLevel level(String id) {
		return NotificationLevel.byId(id == null ? "" : id)
			.orElseThrow(() -> new InvalidInputException("level", "one-of", "must be one of watching, tracking, normal, muted",
					Arrays.stream(NotificationLevel.values()).map(NotificationLevel::id).collect(Collectors.joining(", "))));
	}

	/** Sets the member's level for a thread they can read; it overrides the board's. */
	@Transactional
	public void setThreadLevel(MemberId member, TopicId topic, NotificationLevel level) {
		discussions.topic(topic);
		jdbc.update("""
				insert into topic_notification_level (member_id, topic_id, level) values (:member, :topic, :level)
				on conflict (member_id, topic_id) do update set level = excluded.level""", topic(member, topic)
			.addValue("level", level.name()));
	}

	/** Sets a level for the thread unless the member chose one for it already (what starting it does). */
	@Transactional
	public void chooseUnlessChosen(MemberId member, TopicId topic, NotificationLevel level) {
		jdbc.update("""
				insert into topic_notification_level (member_id, topic_id, level) values (:member, :topic, :level)
				on conflict (member_id, topic_id) do nothing""", topic(member, topic).addValue("level", level.name()));
	}

	/**
	 * Sets a level for the thread only where the member follows it normally, choosing nothing for the
	 * thread or its board (what replying does): a member watching or muting the board keeps that.
	 */
	@Transactional
	public void chooseWhereNormal(MemberId member, TopicId topic, NotificationLevel level) {
		jdbc.update("""
				insert into topic_notification_level (member_id, topic_id, level)
				select :member, t.id, :level from topic t
				where t.id = :topic and not exists (
				    select 1 from board_notification_level b
				    where b.member_id = :member and b.board_id = t.board_id and b.level <> 'NORMAL')
				on conflict (member_id, topic_id) do nothing""", topic(member, topic).addValue("level", level.name()));
	}

	@Transactional
	public void setBoardLevel(MemberId member, BoardId board, NotificationLevel level) {
		boards.find(board).orElseThrow(() -> new NotFoundException("board", board));
		jdbc.update("""
				insert into board_notification_level (member_id, board_id, level) values (:member, :board, :level)
				on conflict (member_id, board_id) do update set level = excluded.level""",
				new MapSqlParameterSource("member", member.value()).addValue("board", board.value())
					.addValue("level", level.name()));
	}

	@Transactional(readOnly = true)
	public NotificationLevel boardLevel(MemberId member, BoardId board) {
		return jdbc.query("select level from board_notification_level where member_id = :member and board_id = :board",
				new MapSqlParameterSource("member", member.value()).addValue("board", board.value()),
				(rs, i) -> NotificationLevel.valueOf(rs.getString(1)))
			.stream()
			.findFirst()
			.orElse(NotificationLevel.NORMAL);
	}

	@Transactional(readOnly = true)
	public ThreadLevel threadLevel(MemberId member, TopicId topic) {
		BoardId board = discussions.boardOf(topic).orElseThrow(() -> new NotFoundException("thread", topic));
		NotificationLevel chosen = jdbc
			.query("select level from topic_notification_level where member_id = :member and topic_id = :topic",
					topic(member, topic), (rs, i) -> NotificationLevel.valueOf(rs.getString(1)))
			.stream()
			.findFirst()
			.orElse(null);
		return new ThreadLevel(chosen, boardLevel(member, board));
	}

	/**
	 * The next batch of a thread's watchers, by ascending id after {@code after} (null: from the first):
	 * those watching the thread, and those watching its board who chose no level for the thread.
	 */
	@Transactional(readOnly = true)
	public List<MemberId> watchers(TopicId topic, MemberId after, int limit) {
		return batchOfMembers("""
				select member_id from (
				    select member_id from topic_notification_level where topic_id = :topic and level = 'WATCHING'
				    union
				    select b.member_id from board_notification_level b
				    where b.board_id = :board and b.level = 'WATCHING' and not exists (
				        select 1 from topic_notification_level t where t.topic_id = :topic and t.member_id = b.member_id)
				) watcher
				where member_id > :after order by member_id limit :limit""", topic, after, limit);
	}

	/**
	 * The next batch of a new thread's watchers, by ascending id after {@code after}: those watching its
	 * board who chose no other level for the thread. Unlike {@link #watchers}, a member who watches just
	 * the thread (which they can only do once it exists) is not among them: a new thread is news to the
	 * board's watchers, not to someone who found it already.
	 */
	@Transactional(readOnly = true)
	public List<MemberId> boardWatchers(TopicId topic, MemberId after, int limit) {
		return batchOfMembers("""
				select b.member_id from board_notification_level b
				where b.board_id = :board and b.level = 'WATCHING' and b.member_id > :after and not exists (
				    select 1 from topic_notification_level t
				    where t.topic_id = :topic and t.member_id = b.member_id and t.level <> 'WATCHING')
				order by b.member_id limit :limit""", topic, after, limit);
	}

	/** Members a query names for a thread and its board, a batch after a member id (null: from the first). */
	private List<MemberId> batchOfMembers(String sql, TopicId topic, MemberId after, int limit) {
		BoardId board = discussions.boardOf(topic).orElseThrow(() -> new NotFoundException("thread", topic));
		return jdbc.queryForList(sql,
				new MapSqlParameterSource("topic", topic.value()).addValue("board", board.value())
					.addValue("after", after == null ? 0L : after.value())
					.addValue("limit", limit),
				Long.class)
			.stream()
			.map(MemberId::new)
			.toList();
	}

	/** Which of these members muted the thread (or its board, choosing nothing for the thread). */
	@Transactional(readOnly = true)
	public Set<MemberId> mutedAmong(TopicId topic, Collection<MemberId> members) {
		if (members.isEmpty()) {
			return Set.of();
		}
		BoardId board = discussions.boardOf(topic).orElse(null);
		if (board == null) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				select m.id from member m
				left join topic_notification_level t on t.member_id = m.id and t.topic_id = :topic
				left join board_notification_level b on b.member_id = m.id and b.board_id = :board
				where m.id in (:members) and coalesce(t.level, b.level) = 'MUTED'""",
				new MapSqlParameterSource("topic", topic.value()).addValue("board", board.value())
					.addValue("members", members.stream().map(MemberId::value).toList()),
				Long.class)).stream().map(MemberId::new).collect(Collectors.toSet());
	}

	private static MapSqlParameterSource topic(MemberId member, TopicId topic) {
		return new MapSqlParameterSource("member", member.value()).addValue("topic", topic.value());
	}
}
