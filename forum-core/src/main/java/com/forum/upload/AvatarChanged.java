package com.forum.upload;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member set or removed their avatar: pages showing them show the new one. */
public record AvatarChanged(MemberId memberId) implements DomainEvent {
}
