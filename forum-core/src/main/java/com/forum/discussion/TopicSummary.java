package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

public record TopicSummary(TopicId id, BoardId boardId, String title, MemberId authorId, String authorName,
		Instant createdAt, Instant lastActivityAt, int replyCount, int likeCount, long viewCount, boolean pinned,
		boolean locked, boolean solved, boolean featured) {
}
