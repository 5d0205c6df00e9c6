package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

/** A reply as other read models copy it; {@code visible} is false once it or its topic is deleted, or
 * while it is hidden pending review. */
public record ReplySnapshot(ReplyId id, TopicId topicId, BoardId boardId, MemberId authorId, String authorName,
		String text, Instant createdAt, int likeCount, boolean visible, long version) {
}
