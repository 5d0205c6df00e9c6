package com.forum.discussion;

import java.time.Instant;

/**
 * One post of a member's activity: a thread they started or a reply they wrote.
 *
 * @param replyId the reply, or null for the thread's opening post
 * @param excerpt the post's opening words as plain text
 */
public record PostActivity(PostKind kind, TopicId topicId, ReplyId replyId, String topicTitle, String excerpt,
		Instant createdAt) {
}
