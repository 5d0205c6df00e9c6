package com.forum.member;

import com.forum.shared.DomainEvent;

/** A member changed what they say of themselves (bio, signature, device), which pages show by their name. */
public record ProfileDescribed(MemberId memberId) implements DomainEvent {
}
