package com.forum.trust;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A member who kept offending may not post until {@code until}.
 *
 * @param silenceId the silence, unique, so a redelivery tells the member once
 * @param reason the offence that tipped the count ({@code duplicate-post}, {@code posting-burst})
 * @param nth the member's how-many-th silence, which sets its length
 */
public record MemberSilenced(long silenceId, MemberId memberId, String reason, int nth, int days, Instant from,
		Instant until) implements DomainEvent {
}
