package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/** A flag of a post waiting for a moderator's decision. */
public record OpenFlag(MemberId flaggerId, FlagReason reason, Instant at) {
}
