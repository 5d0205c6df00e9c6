package com.forum.petition;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record ReleasePublished(ReleaseId releaseId, MemberId actorId) implements DomainEvent {
}
