package com.forum.discussion;

import com.forum.shared.DomainEvent;

/** A reply was edited or deleted. */
public record ReplyChanged(ReplyId replyId, TopicId topicId, String change) implements DomainEvent {
}
