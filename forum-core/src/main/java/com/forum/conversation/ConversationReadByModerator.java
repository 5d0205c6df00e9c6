package com.forum.conversation;

import java.time.Instant;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator read a reported conversation. Each read is its own event (the id), so the audit log
 * holds every read, and a redelivered one once.
 */
public record ConversationReadByModerator(UUID eventId, ConversationId conversationId, MemberId moderatorId,
		Instant at) implements DomainEvent {
}
