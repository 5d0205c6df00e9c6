package com.forum.discussion;

import java.util.List;

import com.forum.board.BoardId;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** @param mentionedIds the members the opening post mentions, in the order written */
public record TopicStarted(TopicId topicId, BoardId boardId, MemberId authorId, List<MemberId> mentionedIds)
		implements DomainEvent {

	public TopicStarted {
		// publications stored before mentions existed are read without them
		mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
	}
}
