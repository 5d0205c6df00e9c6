package com.forum.petition;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.member.MemberId;

public record PetitionSummary(PetitionId id, BoardId boardId, String title, MemberId authorId, String authorName,
		PetitionStatus status, int votes, long recentVotes, List<String> tags, Instant createdAt,
		Instant statusChangedAt, Instant firstResponseAt) {
}
