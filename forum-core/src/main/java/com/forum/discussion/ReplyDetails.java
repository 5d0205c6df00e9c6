package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/** A reply as shown in a thread; a deleted reply keeps its place but shows no content. */
public record ReplyDetails(ReplyId id, TopicId topicId, MemberId authorId, String authorName, String body,
		String bodyHtml, QuotedReply quote, Instant createdAt, Instant editedAt, int likeCount, boolean deleted,
		boolean accepted) {
}
