package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A trusted member or a moderator hid a post pending review; readers see a notice instead of it. */
public record PostHidden(PostKind kind, long postId, TopicId topicId, MemberId authorId, MemberId hiddenBy,
		FlagReason reason, Instant hiddenAt) implements DomainEvent {
}
