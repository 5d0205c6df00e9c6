package com.forum.audit;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * One staff action.
 *
 * @param actorId who acted, or null where the event does not say (see the README)
 * @param actorName their username, for reading
 * @param action what was done, a stable code such as {@code post.deleted} or {@code petition.status}
 * @param subject what it was done to, such as {@code topic:12}, {@code reply:34}, {@code petition:5}
 * @param details the particulars (a new status, an amount and reason), as recorded
 */
public record AuditEntry(long id, Instant at, MemberId actorId, String actorName, String action, String subject,
		String details) {
}
