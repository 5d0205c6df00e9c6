package com.forum.launch;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** The window of a member who asked to be told has opened: they may reserve now. */
public record LaunchWindowOpened(long launchId, String product, MemberId memberId, Instant openedAt)
		implements DomainEvent {
}
