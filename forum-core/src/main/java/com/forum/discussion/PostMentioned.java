package com.forum.discussion;

import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * An edit left a post mentioning these members. Those the post has not told yet (a name the edit
 * added) hear of it; posting itself carries its mentions in {@link ReplyPosted} and {@link TopicStarted}.
 *
 * @param editorId who edited: the author, or a moderator tidying the post
 * @param mentionedIds the members mentioned, in the order written, at most the configured number
 */
public record PostMentioned(PostKind kind, long postId, TopicId topicId, MemberId authorId, MemberId editorId,
		List<MemberId> mentionedIds) implements DomainEvent {

	public PostMentioned {
		mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
	}
}
