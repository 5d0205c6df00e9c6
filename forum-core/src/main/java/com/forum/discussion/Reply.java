package com.forum.discussion;

import java.time.Instant;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "reply")
class Reply extends Post<Reply> {

	@Column(name = "topic_id")
	private long topicId;

	@Column(name = "quoted_reply_id")
	private Long quotedReplyId;

	protected Reply() {
	}

	Reply(TopicId topic, MemberId author, String body, String bodyHtml, ReplyId quoted, Instant now) {
		super(author, body, bodyHtml, now);
		this.topicId = topic.value();
		this.quotedReplyId = quoted == null ? null : quoted.value();
	}

	Reply posted(Topic topic, Reply quoted, List<MemberId> mentioned) {
		registerEvent(new ReplyPosted(id(), checkIn(topic).topicId(), authorId(), topic.authorId(),
				quoted == null ? null : quoted.authorId(), mentioned));
		return this;
	}

	/** The reply's own topic is asked too: a locked topic freezes its replies. */
	PostRevision edit(Actor actor, Topic topic, String newBody, String newHtml, Instant now) {
		checkEditableBy(actor);
		checkIn(topic).checkOpenFor(actor);
		PostRevision previous = revise(PostKind.REPLY, null, actor, newBody, newHtml, now);
		registerEvent(new ReplyChanged(id(), topicId(), "edited"));
		return previous;
	}

	void delete(Actor actor, Topic topic, Instant now) {
		checkDeletableBy(actor);
		checkIn(topic).checkOpenFor(actor);
		markDeleted(actor, now);
		registerEvent(new ReplyChanged(id(), topicId(), "deleted"));
	}

	@Override
	PostKind kind() {
		return PostKind.REPLY;
	}

	@Override
	void checkLikeableBy(Actor actor, Topic topic) {
		super.checkLikeableBy(actor, checkIn(topic));
	}

	@Override
	void checkUnlikeableBy(Actor actor, Topic topic) {
		super.checkUnlikeableBy(actor, checkIn(topic));
	}

	/** The rules of another topic say nothing about this reply. */
	private Topic checkIn(Topic topic) {
		if (!topic.id().equals(topicId())) {
			throw new IllegalArgumentException("Reply " + id + " belongs to topic " + topicId + ", not " + topic.id());
		}
		return topic;
	}

	ReplyId id() {
		return new ReplyId(id);
	}

	@Override
	TopicId topicId() {
		return new TopicId(topicId);
	}

	ReplyId quotedReplyId() {
		return quotedReplyId == null ? null : new ReplyId(quotedReplyId);
	}
}
