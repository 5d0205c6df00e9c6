package com.forum.discussion;

import com.forum.shared.DomainEvent;

/** The topic's content or moderation state changed (edited, pinned, locked, answer accepted). */
public record TopicChanged(TopicId topicId, String change) implements DomainEvent {
}
