package com.forum.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A line of the inbox.
 *
 * @param others the other participants still in the conversation, by username
 * @param unread messages delivered to the reader that they have not read
 */
public record ConversationSummary(ConversationId id, String subject, List<String> others, Instant lastMessageAt,
		int unread) {
}
