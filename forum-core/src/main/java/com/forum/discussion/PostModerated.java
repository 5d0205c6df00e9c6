package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A moderator acted on a thread or a post of someone else: pinned, unpinned, locked, unlocked,
 * deleted, kept after review or removed after review. For the audit log of staff actions.
 *
 * @param action {@code pinned}, {@code unpinned}, {@code locked}, {@code unlocked}, {@code deleted},
 * {@code kept} or {@code removed}
 * @param authorId the post's author when a moderator deleted it, whom it concerns; null for the other actions
 */
public record PostModerated(PostKind kind, long postId, TopicId topicId, MemberId moderatorId, String action,
		Instant at, MemberId authorId) implements DomainEvent {
}
