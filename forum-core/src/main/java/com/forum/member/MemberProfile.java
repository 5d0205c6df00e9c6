package com.forum.member;

import java.time.Instant;

/** What anyone may see of a member. */
public record MemberProfile(MemberId id, String username, Role role, Instant joinedAt) {
}
