package com.forum.discussion;

import com.forum.board.BoardId;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record TopicStarted(TopicId topicId, BoardId boardId, MemberId authorId) implements DomainEvent {
}
