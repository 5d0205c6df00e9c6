package com.forum.conversation;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A participant reported a conversation; it is open to moderators from now on. */
public record ConversationReported(long reportId, ConversationId conversationId, MemberId reporterId,
		ReportReason reason, Instant at) implements DomainEvent {
}
