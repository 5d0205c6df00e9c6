package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator hid an earlier version of a post from the public history ({@code hidden}), or showed it
 * again.
 */
public record RevisionHidden(long revisionId, PostKind kind, long postId, MemberId moderatorId, boolean hidden,
		String note, Instant at) implements DomainEvent {
}
