package com.forum.member;

/** A member as other features name them: by id, shown by username. */
public record MemberName(MemberId id, String username) {
}
