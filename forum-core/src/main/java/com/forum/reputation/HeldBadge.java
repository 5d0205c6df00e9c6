package com.forum.reputation;

import java.time.Instant;

/** A badge a member holds, since when. */
public record HeldBadge(Badge badge, Instant grantedAt) {
}
