package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A petition as employees see it in the triage queue.
 *
 * @param scheduledIn the release, not published yet, that the petition is to ship in
 */
public record TriageItem(PetitionSummary petition, String assigneeTeam, MemberId assigneeId, String assigneeName,
		Instant responseDue, boolean overdue, ReleaseId scheduledIn) {
}
