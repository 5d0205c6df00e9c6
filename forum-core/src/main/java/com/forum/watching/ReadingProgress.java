package com.forum.watching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each member has read each thread, and the lists that follow from it: threads new to them, and
 * tracked or watched threads with replies they have not seen. Only replies others wrote, neither deleted
 * nor hidden, are unread. Muted threads and boards stay out of both lists.
 */
@Service
public class ReadingProgress {

	/**
	 * The threads whose unread replies a member counts: those they track or watch themselves, and those of
	 * a tracked or watched board they have opened (a board's every old thread is not news to them).
	 */
	private static final String TRACKED = """
			select topic_id from topic_notification_level
			where member_id = :member and level in ('WATCHING', 'TRACKING')
			union
			select rd.topic_id from topic_read rd
			join topic bt on bt.id = rd.topic_id
			join board_notification_level bl on bl.board_id = bt.board_id and bl.member_id = rd.member_id
			where rd.member_id = :member and bl.level in ('WATCHING', 'TRACKING') and not exists (
			    select 1 from topic_notification_level tl where tl.member_id = :member and tl.topic_id = rd.topic_id)
			""";

	private static final String UNSEEN = """
			from reply r where r.topic_id = t.id and r.id > coalesce(rd.last_read_reply_id, 0)
			and r.deleted_at is null and r.hidden_at is null and r.author_id <> :member""";

	private static final String COUNTS = "select t.id, t.last_activity_at, (select count(*) " + UNSEEN
			+ ") as unread, (select min(r.id) " + UNSEEN + ") as first_unread from topic t join (" + TRACKED
			+ ") tracked on tracked.topic_id = t.id "
			+ "left join topic_read rd on rd.topic_id = t.id and rd.member_id = :member "
			+ "where t.deleted_at is null and t.hidden_at is null";

	private static final RowMapper<UnreadCount> COUNT = (rs, i) -> {
		long first = rs.getLong("first_unread");
		return new UnreadCount(new TopicId(rs.getLong("id")), rs.getLong("unread"),
				rs.wasNull() ? null : new ReplyId(first));
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final WatchingProperties properties;

	ReadingProgress(NamedParameterJdbcTemplate jdbc, Clock clock, WatchingProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The member has seen the thread up to this reply (0: a thread without replies). One upsert; reading
	 * an earlier page again does not take the mark back.
	 */
	@Transactional
	public void read(MemberId member, TopicId topic, long lastReplyShown) {
		jdbc.update("""
				insert into topic_read (member_id, topic_id, last_read_reply_id, read_at)
				values (:member, :topic, :reply, :now)
				on conflict (member_id, topic_id) do update
				set last_read_reply_id = greatest(topic_read.last_read_reply_id, excluded.last_read_reply_id),
				    read_at = excluded.read_at""", member(member).addValue("topic", topic.value())
			.addValue("reply", lastReplyShown)
			.addValue("now", Timestamp.from(clock.instant())));
	}

	/** The unread counts of those of these threads the member tracks or watches; others are left out. */
	@Transactional(readOnly = true)
	public Map<TopicId, UnreadCount> unread(MemberId member, Collection<TopicId> topics) {
		if (topics.isEmpty()) {
			return Map.of();
		}
		return jdbc
			.query(COUNTS + " and t.id in (:topics)",
					member(member).addValue("topics", topics.stream().map(TopicId::value).toList()), COUNT)
			.stream()
			.collect(Collectors.toMap(UnreadCount::topic, Function.identity()));
	}

	/** Tracked and watched threads with unread replies, most recently active first. */
	@Transactional(readOnly = true)
	public Page<UnreadCount> unreadThreads(MemberId member, int page, int size) {
		MapSqlParameterSource params = paged(member, page, size);
		String unread = "select * from (" + COUNTS + ") counted where unread > 0";
		Long total = jdbc.queryForObject("select count(*) from (" + unread + ") listed", params, Long.class);
		List<UnreadCount> items = jdbc.query(
				unread + " order by last_activity_at desc, id desc limit :limit offset :offset", params, COUNT);
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/**
	 * Threads others started within {@code forum.watching.new-window} (and since the member last dismissed
	 * the list) that the member has not opened, newest first.
	 */
	@Transactional(readOnly = true)
	public Page<TopicId> newThreads(MemberId member, int page, int size) {
		MapSqlParameterSource params = paged(member, page, size).addValue("since", Timestamp.from(newSince(member)));
		String fresh = """
				from topic t
				left join topic_notification_level tl on tl.topic_id = t.id and tl.member_id = :member
				left join board_notification_level bl on bl.board_id = t.board_id and bl.member_id = :member
				where t.deleted_at is null and t.hidden_at is null and t.created_at > :since
				and t.author_id <> :member and coalesce(tl.level, bl.level, 'NORMAL') <> 'MUTED'
				and not exists (select 1 from topic_read rd where rd.member_id = :member and rd.topic_id = t.id)""";
		Long total = jdbc.queryForObject("select count(*) " + fresh, params, Long.class);
		List<TopicId> items = jdbc.query("select t.id " + fresh
				+ " order by t.created_at desc, t.id desc limit :limit offset :offset", params,
				(rs, i) -> new TopicId(rs.getLong(1)));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/** Marks every tracked and watched thread read to its last reply; returns how many threads had unread. */
	@Transactional
	public int dismissUnread(MemberId member) {
		return jdbc.update("""
				insert into topic_read (member_id, topic_id, last_read_reply_id, read_at)
				select :member, tracked.topic_id, coalesce((select max(r.id) from reply r where r.topic_id = tracked.topic_id), 0), :now
				from (""" + TRACKED + """
				) tracked
				on conflict (member_id, topic_id) do update
				set last_read_reply_id = greatest(topic_read.last_read_reply_id, excluded.last_read_reply_id),
				    read_at = excluded.read_at
				where topic_read.last_read_reply_id < excluded.last_read_reply_id""",
				member(member).addValue("now", Timestamp.from(clock.instant())));
	}

	/** Empties the member's new list: threads started until now are not new to them any more. */
	@Transactional
	public void dismissNew(MemberId member) {
		jdbc.update("""
				insert into member_new_dismissed (member_id, dismissed_at) values (:member, :now)
				on conflict (member_id) do update set dismissed_at = excluded.dismissed_at""",
				member(member).addValue("now", Timestamp.from(clock.instant())));
	}

	private Instant newSince(MemberId member) {
		Instant window = clock.instant().minus(properties.newWindow());
		return jdbc.query("select dismissed_at from member_new_dismissed where member_id = :member", member(member),
				(rs, i) -> rs.getTimestamp(1).toInstant())
			.stream()
			.findFirst()
			.filter(dismissed -> dismissed.isAfter(window))
			.orElse(window);
	}

	private static MapSqlParameterSource paged(MemberId member, int page, int size) {
		return member(member).addValue("limit", size).addValue("offset", (long) page * size);
	}

	private static MapSqlParameterSource member(MemberId member) {
		return new MapSqlParameterSource("member", member.value());
	}
}
