package com.forum.discussion;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A like was given ({@code liked}) or taken back; carries the post's author, whom it concerns, and the
 * thread the post is in.
 */
public record PostLiked(PostKind kind, long postId, TopicId topicId, MemberId authorId, MemberId likerId, boolean liked)
		implements DomainEvent {
}
