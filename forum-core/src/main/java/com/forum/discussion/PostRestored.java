package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator reviewed a post and kept it: its flags are declined and, if it was hidden
 * ({@code wasHidden}), readers see it again.
 */
public record PostRestored(PostKind kind, long postId, TopicId topicId, MemberId authorId, MemberId restoredBy,
		boolean wasHidden, Instant at) implements DomainEvent {
}
