package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/** A flag as the rules allowed it, before it is stored: which post, whose, by whom and why. */
record PostFlag(PostKind kind, long postId, TopicId topicId, MemberId authorId, MemberId flaggerId,
		FlagGrounds grounds, Instant at) {

	PostFlagged flagged(long flagId) {
		return new PostFlagged(flagId, kind, postId, topicId, authorId, flaggerId, grounds.reason());
	}
}
