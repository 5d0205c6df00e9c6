package com.forum.bookmark;

import com.forum.discussion.PostKind;
import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member bookmarked a post ({@code added}) or removed the bookmark. */
public record BookmarkChanged(MemberId memberId, PostKind kind, long postId, boolean added) implements DomainEvent {
}
