package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

/**
 * A thread with its opening post.
 *
 * @param hidden the opening post is hidden pending review
 * @param withheld its content is left out for the one reading: hidden, and they are neither its
 * author nor a moderator
 * @param featured a moderator featured the thread (精华)
 */
public record TopicDetails(TopicId id, BoardId boardId, String title, String body, String bodyHtml,
		MemberId authorId, String authorName, Instant createdAt, Instant editedAt, Instant lastActivityAt,
		int replyCount, int likeCount, long viewCount, boolean pinned, boolean locked, ReplyId acceptedReplyId,
		boolean hidden, boolean withheld, boolean featured) {

	public boolean solved() {
		return acceptedReplyId != null;
	}

	/**
	 * The thread as a reader sees it: a hidden opening post keeps its content for its author and the
	 * moderators (null reader: a visitor), everyone else reads a notice in its place.
	 */
	public TopicDetails shownTo(MemberId reader, boolean moderates) {
		if (!hidden || moderates || authorId.equals(reader)) {
			return this;
		}
		return new TopicDetails(id, boardId, title, "", "", authorId, authorName, createdAt, editedAt, lastActivityAt,
				replyCount, likeCount, viewCount, pinned, locked, acceptedReplyId, true, true, featured);
	}
}
