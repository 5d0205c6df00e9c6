package com.forum.bookmark;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's bookmarks of threads and replies; each method is one transaction and acts for its owner alone. */
@Service
public class Bookmarks {

	/** The first half of the advisory lock key, so that these locks share no key with other ones. */
	private static final int BOOKMARKING = 0x626b6d6b;

	private static final int EXCERPT_LENGTH = 160;

	private final NamedParameterJdbcTemplate jdbc;

	private final DiscussionQueries discussions;

	private final BookmarkProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Bookmarks(NamedParameterJdbcTemplate jdbc, DiscussionQueries discussions, BookmarkProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.discussions = discussions;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** Bookmarks the thread's opening post; see {@link #add(Actor, TopicId, ReplyId)}. */
	@Transactional
	public void addThread(Actor member, TopicId topic) {
		add(member, topic, null);
	}

	/** Bookmarks a reply, wherever it is; see {@link #add(Actor, TopicId, ReplyId)}. */
	@Transactional
	public void addReply(Actor member, ReplyId reply) {
		TopicId topic = discussions.replySnapshot(reply)
			.map(ReplySnapshot::topicId)
			.orElseThrow(() -> new NotFoundException("reply", reply));
		add(member, topic, reply);
	}

	/**
	 * Bookmarks the thread's opening post, or the reply when {@code reply} is given; bookmarking it again
	 * changes nothing. A post the member cannot read is not found; a member at the cap is refused.
	 */
	private void add(Actor member, TopicId topic, ReplyId reply) {
		checkReadable(member, topic, reply);
		PostKind kind = reply == null ? PostKind.TOPIC : PostKind.REPLY;
		long postId = reply == null ? topic.value() : reply.value();
		MapSqlParameterSource params = params(member.id(), kind, postId);
		// one member's bookmarks are added one at a time, so that requests at once cannot pass the cap together
		jdbc.query("select pg_advisory_xact_lock(:space, :key)",
				new MapSqlParameterSource("space", BOOKMARKING).addValue("key", Long.hashCode(member.id().value())),
				rs -> null);
		if (has(params)) {
			return;
		}
		Long count = jdbc.queryForObject("select count(*) from bookmark where member_id = :member", params,
				Long.class);
		if (count != null && count >= properties.maxPerMember()) {
			throw new RuleViolationException("bookmark-limit",
					"You have " + properties.maxPerMember() + " bookmarks, the most one member keeps: remove some first.",
					properties.maxPerMember());
		}
		jdbc.update("""
				insert into bookmark (member_id, post_kind, post_id, topic_id, created_at)
				values (:member, :kind, :post, :topic, :now) on conflict do nothing""",
				params.addValue("topic", topic.value()).addValue("now", Timestamp.from(clock.instant())));
		events.publishEvent(new BookmarkChanged(member.id(), kind, postId, true));
	}

	/** Removes the member's bookmark of the post; removing one that is not there changes nothing. */
	@Transactional
	public void remove(Actor member, PostKind kind, long postId) {
		if (jdbc.update("delete from bookmark where member_id = :member and post_kind = :kind and post_id = :post",
				params(member.id(), kind, postId)) == 1) {
			events.publishEvent(new BookmarkChanged(member.id(), kind, postId, false));
		}
	}

	/** Whether the member bookmarked the post. */
	@Transactional(readOnly = true)
	public boolean has(MemberId member, PostKind kind, long postId) {
		return has(params(member, kind, postId));
	}

	/** Which of these replies the member bookmarked, to show the page's toggles pressed. */
	@Transactional(readOnly = true)
	public List<Long> bookmarkedReplies(MemberId member, List<Long> replyIds) {
		if (replyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("""
				select post_id from bookmark where member_id = :member and post_kind = 'REPLY' and post_id in (:posts)""",
				new MapSqlParameterSource("member", member.value()).addValue("posts", replyIds), Long.class);
	}

	/** The member's bookmarks, newest first; posts deleted or hidden since show as removed. */
	@Transactional(readOnly = true)
	public Page<Bookmark> of(MemberId member, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("member", member.value()).addValue("limit", size)
			.addValue("offset", (long) page * size);
		List<Bookmark> found = jdbc.query("""
				select post_kind, post_id, topic_id, created_at from bookmark where member_id = :member
				order by created_at desc, id desc limit :limit offset :offset""", params,
				(rs, n) -> shown(PostKind.valueOf(rs.getString("post_kind")), rs.getLong("post_id"),
						new TopicId(rs.getLong("topic_id")), rs.getTimestamp("created_at").toInstant()));
		Long total = jdbc.queryForObject("select count(*) from bookmark where member_id = :member", params, Long.class);
		return new PageImpl<>(found, PageRequest.of(page, size), total == null ? 0 : total);
	}

	private Bookmark shown(PostKind kind, long postId, TopicId topic, Instant at) {
		Optional<TopicSnapshot> thread = discussions.topicSnapshot(topic).filter(t -> !t.deleted());
		if (kind == PostKind.TOPIC) {
			return thread.filter(TopicSnapshot::visible)
				.map(t -> new Bookmark(kind, postId, topic, null, at, false, t.title(), excerpt(t.text())))
				.orElseGet(() -> new Bookmark(kind, postId, topic, null, at, true, null, null));
		}
		ReplyId reply = new ReplyId(postId);
		Optional<ReplySnapshot> found = thread.isEmpty() ? Optional.empty()
				: discussions.replySnapshot(reply).filter(ReplySnapshot::visible);
		return found.map(r -> new Bookmark(kind, postId, topic, reply, at, false, thread.get().title(), excerpt(r.text())))
			.orElseGet(() -> new Bookmark(kind, postId, topic, reply, at, true, null, null));
	}

	/** A post the member may not read (deleted, or hidden and not theirs) cannot be bookmarked. */
	private void checkReadable(Actor member, TopicId topic, ReplyId reply) {
		if (reply == null) {
			if (discussions.topic(topic).shownTo(member.id(), member.moderates()).withheld()) {
				throw new NotFoundException("thread", topic);
			}
		}
		else if (discussions.reply(topic, reply).shownTo(member.id(), member.moderates()).withheld()) {
			throw new NotFoundException("reply", reply);
		}
	}

	private boolean has(MapSqlParameterSource params) {
		Boolean found = jdbc.queryForObject("""
				select exists (select 1 from bookmark
				where member_id = :member and post_kind = :kind and post_id = :post)""", params, Boolean.class);
		return Boolean.TRUE.equals(found);
	}

	private static String excerpt(String text) {
		String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH - 1) + "…";
	}

	private static MapSqlParameterSource params(MemberId member, PostKind kind, long postId) {
		return new MapSqlParameterSource("member", member.value()).addValue("kind", kind.name())
			.addValue("post", postId);
	}
}
