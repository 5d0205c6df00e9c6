package com.forum.member;

import java.time.Instant;

/**
 * A member as other read models (such as search) copy it. {@code visible} is false while the member
 * has not confirmed their address: strangers may not learn such an account exists. {@code version}
 * grows with every change of the member, so copies can refuse stale updates.
 */
public record MemberSnapshot(MemberId id, String username, String bio, Instant joinedAt, boolean visible,
		long version) {
}
