package com.forum.poll;

import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member voted in a poll, changed their vote or took it back ({@code retracted}). */
public record PollVoted(PollId pollId, TopicId topicId, MemberId voterId, boolean retracted) implements DomainEvent {
}
