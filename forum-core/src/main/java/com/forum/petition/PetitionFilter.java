package com.forum.petition;

import java.time.Duration;
import java.util.Set;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

/**
 * Which petitions to list. Every part is optional (null or empty means "any").
 *
 * @param olderThan only petitions submitted at least this long ago
 * @param overdueOnly only petitions still waiting for their first response past the deadline
 * @param release only petitions shipped in this release
 */
public record PetitionFilter(BoardId board, Set<PetitionStatus> statuses, String tag, Duration olderThan,
		Integer minVotes, String assigneeTeam, MemberId assignee, boolean overdueOnly, ReleaseId release) {

	public static PetitionFilter any() {
		return new PetitionFilter(null, Set.of(), null, null, null, null, null, false, null);
	}

	public PetitionFilter withStatuses(Set<PetitionStatus> statuses) {
		return new PetitionFilter(board, statuses, tag, olderThan, minVotes, assigneeTeam, assignee, overdueOnly,
				release);
	}

	public PetitionFilter withBoard(BoardId board) {
		return new PetitionFilter(board, statuses, tag, olderThan, minVotes, assigneeTeam, assignee, overdueOnly,
				release);
	}

	public PetitionFilter withRelease(ReleaseId release) {
		return new PetitionFilter(board, statuses, tag, olderThan, minVotes, assigneeTeam, assignee, overdueOnly,
				release);
	}
}
