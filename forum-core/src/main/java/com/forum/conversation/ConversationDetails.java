package com.forum.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as one reader sees it: a participant, or a moderator reading a reported one.
 *
 * @param participants everyone who took part, those who left included
 * @param messages the messages delivered to the reader, oldest first
 * @param unread how many of them were unread before this reading
 */
public record ConversationDetails(ConversationId id, String subject, Instant createdAt, List<Participant> participants,
		List<ConversationMessage> messages, int unread, boolean reported) {

	/** @param left whether they left the conversation */
	public record Participant(String username, boolean left) {
	}
}
