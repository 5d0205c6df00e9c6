package com.forum.discussion;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.board.BoardSummary;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A thread: its opening post, its moderation state and the reply accepted as its answer. */
@Entity
@Table(name = "topic")
class Topic extends Post<Topic> {

	@Column(name = "board_id")
	private long boardId;

	private String title;

	private boolean pinned;

	private boolean locked;

	/** When a moderator featured the thread (精华), null while it is not featured. */
	@Column(name = "featured_at")
	private Instant featuredAt;

	@Column(name = "featured_by")
	private Long featuredBy;

	@Column(name = "accepted_reply_id")
	private Long acceptedReplyId;

	/** When the question was solved: kept while an answer stays accepted, for the time to a solution. */
	@Column(name = "accepted_at")
	private Instant acceptedAt;

	// statistics are kept by atomic updates (see Topics), never written through the entity
	@Column(name = "last_activity_at", updatable = false)
	private Instant lastActivityAt;

	@Column(name = "reply_count", insertable = false, updatable = false)
	private int replyCount;

	@Column(name = "view_count", insertable = false, updatable = false)
	private long viewCount;

	@Column(name = "hot_score", insertable = false, updatable = false)
	private double hotScore;

	protected Topic() {
	}

	private Topic(BoardId board, MemberId author, String title, String body, String bodyHtml, Instant now) {
		super(author, body, bodyHtml, now);
		this.boardId = board.value();
		this.title = title;
		this.lastActivityAt = now;
	}

	static Topic start(BoardSummary board, MemberId author, String title, String body, String bodyHtml, Instant now) {
		return new Topic(board.id(), author, title, body, bodyHtml, now);
	}

	/** Called once the id is known. */
	Topic started(List<MemberId> mentioned) {
		registerEvent(new TopicStarted(id(), boardId(), authorId(), mentioned));
		return this;
	}

	PostRevision edit(Actor actor, String newTitle, String newBody, String newHtml, Instant now) {
		checkEditableBy(actor);
		checkOpenFor(actor);
		PostRevision previous = revise(PostKind.TOPIC, title, actor, newBody, newHtml, now);
		this.title = newTitle;
		registerEvent(new TopicChanged(id(), "edited"));
		return previous;
	}

	void delete(Actor actor, Instant now) {
		checkDeletableBy(actor);
		checkOpenFor(actor);
		markDeleted(actor, now);
		registerEvent(new TopicDeleted(id(), actor.id()));
	}

	@Override
	PostKind kind() {
		return PostKind.TOPIC;
	}

	@Override
	TopicId topicId() {
		return id();
	}

	/** Returns whether anything changed: pinning a pinned thread is no action to record. */
	boolean pin(Actor actor, boolean pinned) {
		checkModerator(actor);
		checkNotDeleted();
		if (this.pinned == pinned) {
			return false;
		}
		this.pinned = pinned;
		registerEvent(new TopicChanged(id(), pinned ? "pinned" : "unpinned"));
		return true;
	}

	/**
	 * Features the thread or takes it off the featured list, and returns whether anything changed. A
	 * thread featured again after being taken off is a new featuring, with its own time.
	 */
	boolean feature(Actor actor, boolean featured, Instant now) {
		checkModerator(actor);
		checkNotDeleted();
		if (featured() == featured) {
			return false;
		}
		Instant at = featured ? now : featuredAt;
		this.featuredAt = featured ? now : null;
		this.featuredBy = featured ? actor.id().value() : null;
		registerEvent(new TopicChanged(id(), featured ? "featured" : "unfeatured"));
		registerEvent(new TopicFeatured(id(), boardId(), authorId(), actor.id(), featured, at));
		return true;
	}

	/** Returns whether anything changed. */
	boolean lock(Actor actor, boolean locked) {
		checkModerator(actor);
		checkNotDeleted();
		if (this.locked == locked) {
			return false;
		}
		this.locked = locked;
		registerEvent(new TopicChanged(id(), locked ? "locked" : "unlocked"));
		return true;
	}

	/**
	 * A locked topic is frozen, as a closed topic is in Discourse: no replies, edits, deletions,
	 * likes or accepted-answer changes, neither to the opening post nor to any reply, except by
	 * moderators, who can still act in it and unlock it.
	 */
	void checkOpenFor(Actor actor) {
		checkNotDeleted();
		if (locked && !actor.moderates()) {
			throw new RuleViolationException("topic-locked", "This thread is locked: only moderators can change it.");
		}
	}

	/** An accepted answer that is deleted no longer answers the question. */
	void answerDeleted(ReplyId reply) {
		if (reply.value() == (acceptedReplyId == null ? -1 : acceptedReplyId)) {
			acceptedReplyId = null;
			acceptedAt = null;
			registerEvent(new TopicChanged(id(), "answer-withdrawn"));
		}
	}

	void acceptAnswer(Actor actor, BoardSummary board, Reply reply, Instant now) {
		checkNotDeleted();
		if (!board.isSupport()) {
			throw new RuleViolationException("not-a-question",
					"Answers can only be accepted on support boards, where threads are questions.");
		}
		if (!actor.is(authorId()) && !actor.moderates()) {
			throw new PermissionDeniedException("accept-answer", "Only the asker or a moderator may accept an answer.");
		}
		checkOpenFor(actor);
		if (!reply.topicId().equals(id()) || reply.isDeleted()) {
			throw new RuleViolationException("not-a-reply-here", "That reply does not belong to this thread.");
		}
		if (acceptedReplyId == null) {
			acceptedAt = now;
		}
		this.acceptedReplyId = reply.id().value();
		registerEvent(new AnswerAccepted(id(), reply.id(), reply.authorId(), actor.id()));
		registerEvent(new TopicChanged(id(), "answer-accepted"));
	}

	private static void checkModerator(Actor actor) {
		if (!actor.moderates()) {
			throw new PermissionDeniedException("moderate", "Only moderators may pin, lock or feature threads.");
		}
	}

	TopicId id() {
		return new TopicId(id);
	}

	BoardId boardId() {
		return new BoardId(boardId);
	}

	String title() {
		return title;
	}

	boolean pinned() {
		return pinned;
	}

	boolean featured() {
		return featuredAt != null;
	}

	Instant featuredAt() {
		return featuredAt;
	}

	boolean locked() {
		return locked;
	}

	ReplyId acceptedReplyId() {
		return acceptedReplyId == null ? null : new ReplyId(acceptedReplyId);
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	Instant lastActivityAt() {
		return lastActivityAt;
	}

	int replyCount() {
		return replyCount;
	}

	long viewCount() {
		return viewCount;
	}
}
