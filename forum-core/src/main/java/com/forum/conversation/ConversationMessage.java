package com.forum.conversation;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A message as the reader sees it.
 *
 * @param left whether this is the note that its author left the conversation (it has no text then)
 * @param bodyHtml the message rendered and sanitised as posts are, null for a note
 */
public record ConversationMessage(long id, MemberId authorId, String authorName, boolean left, String body,
		String bodyHtml, Instant createdAt) {
}
