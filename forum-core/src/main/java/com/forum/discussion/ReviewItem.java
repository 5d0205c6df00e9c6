package com.forum.discussion;

import java.time.Instant;
import java.util.Map;

import com.forum.member.MemberId;

/**
 * A post in the moderators' queue: flagged, hidden, or both.
 *
 * @param replyId the reply, or null for a thread's opening post
 * @param excerpt the start of the post as plain text
 * @param since when it first needed review (its oldest open flag, or when it was hidden)
 * @param flags open flags by reason
 * @param hiddenBy who hid it, or null when it is not hidden
 */
public record ReviewItem(PostKind kind, long postId, TopicId topicId, String topicTitle, ReplyId replyId,
		MemberId authorId, String authorName, String excerpt, Instant since, Map<FlagReason, Integer> flags,
		Instant hiddenAt, MemberId hiddenBy, String hiddenByName, FlagReason hiddenReason, String hiddenNote) {

	public int flagCount() {
		return flags.values().stream().mapToInt(Integer::intValue).sum();
	}

	public boolean hidden() {
		return hiddenAt != null;
	}
}
