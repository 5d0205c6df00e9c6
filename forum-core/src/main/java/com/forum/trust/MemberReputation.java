package com.forum.trust;

import com.forum.member.MemberId;

/**
 * A member's reputation, as trust needs it to judge who is still new. Provided by the reputation
 * feature, which depends on trust and not the other way round.
 */
@FunctionalInterface
public interface MemberReputation {

	long of(MemberId member);
}
