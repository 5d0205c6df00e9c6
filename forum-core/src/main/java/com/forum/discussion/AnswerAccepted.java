package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record AnswerAccepted(TopicId topicId, ReplyId replyId, MemberId answerAuthorId, MemberId acceptedBy)
		implements DomainEvent {
}
