package com.forum.petition;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

/**
 * A petition as anyone may see it; staff-only facts (assignee, notes, the draft release it is
 * scheduled in) are not part of it.
 *
 * @param releaseId the published release the petition shipped in
 */
public record PetitionDetails(PetitionId id, BoardId boardId, String title, String description,
		String descriptionHtml, MemberId authorId, String authorName, String deviceModel, String firmwareVersion,
		List<String> tags, PetitionStatus status, Instant createdAt, Instant statusChangedAt, Instant firstResponseAt,
		PetitionId duplicateOf, ReleaseId releaseId, int votes, List<DeviceCount> affectedDevices) {
}
