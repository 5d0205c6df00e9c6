package com.forum.petition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How triage is doing.
 *
 * @param due petitions whose response deadline has passed or that were answered already
 * @param answeredInTime of those, answered within the deadline
 * @param shareAnsweredInTime answeredInTime / due (1.0 when nothing is due)
 * @param medianFirstResponse median time from submission to the first official response, null if none
 * @param overdue still unanswered past the deadline
 * @param funnel how many petitions ever reached each stage, from submitted to shipped
 * @param acceptanceRate accepted (planned, in progress or shipped) over decided (accepted or declined)
 */
public record TriageDashboard(long petitions, long due, long answeredInTime, double shareAnsweredInTime,
		Duration medianFirstResponse, long overdue, Map<PetitionStatus, Long> funnel, double acceptanceRate,
		List<PetitionSummary> topByVotes, List<PetitionSummary> topTrending) {
}
