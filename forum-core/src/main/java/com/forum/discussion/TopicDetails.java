package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

public record TopicDetails(TopicId id, BoardId boardId, String title, String body, String bodyHtml,
		MemberId authorId, String authorName, Instant createdAt, Instant editedAt, Instant lastActivityAt,
		int replyCount, int likeCount, long viewCount, boolean pinned, boolean locked, ReplyId acceptedReplyId) {

	public boolean solved() {
		return acceptedReplyId != null;
	}
}
