package com.forum.search;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;

/**
 * One match. {@code titleHtml} and {@code snippetHtml} are HTML: the matched text escaped, with
 * matches wrapped in {@code <mark>}, safe to place on a page as is.
 *
 * @param replyId the matching reply, or null when the thread's opening post matched
 */
public record SearchHit(TopicId topicId, ReplyId replyId, BoardId boardId, String topicTitle, String titleHtml,
		String snippetHtml, MemberId authorId, String authorName, Instant createdAt) {

	public boolean isReply() {
		return replyId != null;
	}
}
