package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator decided on a flag: {@code agreed} when the post was removed, declined when it was kept.
 * One event per flag, so each flagger hears the outcome of their own flag.
 */
public record FlagResolved(long flagId, MemberId flaggerId, PostKind kind, long postId, TopicId topicId,
		boolean agreed) implements DomainEvent {
}
