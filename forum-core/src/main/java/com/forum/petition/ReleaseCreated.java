package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** An employee planned a new release (a draft until it is published). */
public record ReleaseCreated(ReleaseId releaseId, String version, MemberId actorId, Instant at) implements DomainEvent {
}
