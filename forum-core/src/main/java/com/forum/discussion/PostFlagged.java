package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member flagged someone else's post for the moderators; published once per open flag. */
public record PostFlagged(long flagId, PostKind kind, long postId, TopicId topicId, MemberId authorId,
		MemberId flaggerId, FlagReason reason) implements DomainEvent {
}
