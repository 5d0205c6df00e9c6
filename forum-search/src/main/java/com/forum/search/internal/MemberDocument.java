package com.forum.search.internal;

import java.time.Instant;

import com.forum.member.MemberSnapshot;

/**
 * A member as stored in the members index: the name and what they say of themselves. A member who
 * has not confirmed their address is stored without either, so no search finds them; see
 * {@link PostIndex#removal} for why a tombstone rather than a delete.
 */
public record MemberDocument(String kind, long memberId, String name, String bio, Instant createdAt) {

	public static final String MEMBER = "member";

	static MemberDocument of(MemberSnapshot member) {
		return member.visible()
				? new MemberDocument(MEMBER, member.id().value(), member.username(), member.bio(), member.joinedAt())
				: new MemberDocument(MEMBER, member.id().value(), null, null, member.joinedAt());
	}
}
