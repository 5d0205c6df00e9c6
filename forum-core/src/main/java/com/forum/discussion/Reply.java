package com.forum.discussion;

import java.time.Instant;

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

	Reply posted() {
		registerEvent(new ReplyPosted(id(), topicId(), authorId()));
		return this;
	}

	PostRevision edit(Actor actor, String newBody, String newHtml, Instant now) {
		checkEditableBy(actor);
		PostRevision previous = revise(PostKind.REPLY, null, actor, newBody, newHtml, now);
		registerEvent(new ReplyChanged(id(), topicId(), "edited"));
		return previous;
	}

	void delete(Actor actor, Instant now) {
		softDelete(actor, now);
		registerEvent(new ReplyChanged(id(), topicId(), "deleted"));
	}

	ReplyId id() {
		return new ReplyId(id);
	}

	TopicId topicId() {
		return new TopicId(topicId);
	}

	ReplyId quotedReplyId() {
		return quotedReplyId == null ? null : new ReplyId(quotedReplyId);
	}
}
