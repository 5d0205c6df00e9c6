package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record TopicDeleted(TopicId topicId, MemberId deletedBy) implements DomainEvent {
}
