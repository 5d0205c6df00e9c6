package com.forum.poll;

import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A poll was added to a thread or closed early ({@code change}: "added" or "closed"), by {@code actorId}. */
public record PollChanged(PollId pollId, TopicId topicId, MemberId actorId, String change) implements DomainEvent {
}
