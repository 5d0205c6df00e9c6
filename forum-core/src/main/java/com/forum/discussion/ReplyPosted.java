package com.forum.discussion;

import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A reply was posted. Carries whom it concerns besides its author, so that listeners need not read
 * the thread: the thread's author, the author of the reply it quotes, and the members it mentions.
 *
 * @param quotedAuthorId the quoted reply's author, or null when it quotes none
 * @param mentionedIds the members mentioned, in the order written, at most the configured number
 */
public record ReplyPosted(ReplyId replyId, TopicId topicId, MemberId authorId, MemberId topicAuthorId,
		MemberId quotedAuthorId, List<MemberId> mentionedIds) implements DomainEvent {

	public ReplyPosted {
		// publications stored before these fields existed are read with them missing
		mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
	}
}
