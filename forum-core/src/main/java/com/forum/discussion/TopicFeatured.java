package com.forum.discussion;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator featured a thread (精华) or took it off the featured list; carries its author, whom it
 * concerns, and when it was featured, which tells one featuring from the next.
 *
 * @param featuredAt when the thread was featured (for both the featuring and its withdrawal)
 */
public record TopicFeatured(TopicId topicId, BoardId boardId, MemberId authorId, MemberId moderatorId,
		boolean featured, Instant featuredAt) implements DomainEvent {
}
