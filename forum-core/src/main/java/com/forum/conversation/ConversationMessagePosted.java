package com.forum.conversation;

import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A message was sent in a conversation. Carries whom it was delivered to, so listeners need not
 * judge blocks or who left: every participant still in the conversation but the author, less those
 * who block the author.
 *
 * @param messageId the message, which keys what listeners do with it (a redelivery adds nothing)
 */
public record ConversationMessagePosted(ConversationId conversationId, long messageId, MemberId authorId,
		String subject, List<MemberId> recipientIds) implements DomainEvent {

	public ConversationMessagePosted {
		recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
	}
}
