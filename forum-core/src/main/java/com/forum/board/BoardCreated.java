package com.forum.board;

import com.forum.shared.DomainEvent;

/** A board was added: every page's board navigation changes. */
public record BoardCreated(BoardId boardId) implements DomainEvent {
}
