package com.forum.launch;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * Staff created a launch, changed what it offers, or opened, paused, resumed or closed it.
 *
 * @param changeId the launch's own audit row of the change, unique
 * @param action {@code created}, {@code edited} or the past tense of a {@link LaunchAction}
 */
public record LaunchChanged(long changeId, long launchId, String product, MemberId actorId, String action, Instant at)
		implements DomainEvent {
}
