package com.forum.discussion;

import java.time.Instant;

/** A member's open flag of a post: the reason they gave first and when; flagging again returns the same. */
public record FlagState(PostKind kind, long postId, FlagReason reason, Instant flaggedAt) {
}
