package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A reply as shown in a thread; a deleted reply keeps its place but shows no content.
 *
 * @param hidden the reply is hidden pending review
 * @param withheld its content is left out for the one reading (see {@link #shownTo})
 */
public record ReplyDetails(ReplyId id, TopicId topicId, MemberId authorId, String authorName, String body,
		String bodyHtml, QuotedReply quote, Instant createdAt, Instant editedAt, int likeCount, boolean deleted,
		boolean accepted, boolean hidden, boolean withheld) {

	/** A hidden reply keeps its content for its author and the moderators; others read a notice. */
	public ReplyDetails shownTo(MemberId reader, boolean moderates) {
		if (!hidden || moderates || authorId.equals(reader)) {
			return this;
		}
		return new ReplyDetails(id, topicId, authorId, authorName, "", "", null, createdAt, editedAt, likeCount, deleted,
				accepted, true, true);
	}
}
