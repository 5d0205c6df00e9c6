package com.forum.bookmark;

import java.time.Instant;

import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;

/**
 * One of a member's bookmarks as their list shows it. A post deleted or hidden since it was bookmarked
 * is {@code removed}: its title and excerpt are then null, so nothing of it shows.
 *
 * @param replyId the reply bookmarked, or null for a thread's opening post
 */
public record Bookmark(PostKind kind, long postId, TopicId topicId, ReplyId replyId, Instant createdAt,
		boolean removed, String title, String excerpt) {
}
