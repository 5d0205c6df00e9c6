package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record ReplyPosted(ReplyId replyId, TopicId topicId, MemberId authorId) implements DomainEvent {
}
