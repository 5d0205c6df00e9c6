package com.forum.member;

import com.forum.shared.DomainEvent;

/** A member showed the address is theirs (or needed no proof): from now on strangers may find them. */
public record MemberEmailConfirmed(MemberId memberId) implements DomainEvent {
}
