package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

/**
 * A topic as other read models (such as search) copy it. {@code version} grows with every change
 * that matters to them, so copies can refuse stale updates.
 */
public record TopicSnapshot(TopicId id, BoardId boardId, MemberId authorId, String authorName, String title,
		String text, Instant createdAt, Instant lastActivityAt, int replyCount, int likeCount, boolean solved,
		boolean deleted, boolean hidden, long version) {

	/** Whether readers see the opening post: not deleted, not hidden pending review. */
	public boolean visible() {
		return !deleted && !hidden;
	}
}
