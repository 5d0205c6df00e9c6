package com.forum.member;

import com.forum.shared.DomainEvent;

public record MemberRegistered(MemberId memberId) implements DomainEvent {
}
