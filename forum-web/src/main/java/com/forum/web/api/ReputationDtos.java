package com.forum.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the leaderboard and badge endpoints answer with. */
final class ReputationDtos {

	private ReputationDtos() {
	}

	/**
	 * @param firstDay the first day of the week or month on the forum's calendar (Asia/Shanghai); null for all time
	 * @param from the first instant the board counts; null for all time
	 * @param to the first instant after it; null for all time
	 * @param me the caller's own place, when a signed-in caller is on the board
	 */
	record LeaderboardResponse(String kind, String period, LocalDate firstDay, Instant from, Instant to,
			List<RankingResponse> items, RankingResponse me) {
	}

	/** @param rank members with the same score share a rank */
	record RankingResponse(int rank, long memberId, String username, int level, long score) {
	}

	/**
	 * @param rule what is counted: entries (of the reason), check-in-streak or reputation
	 * @param reason for entries, the ledger reason counted
	 * @param holders how many members hold the badge
	 */
	record BadgeResponse(String id, String name, String description, String rule, String reason, long threshold,
			long holders) {
	}

	record HeldBadgeResponse(String id, String name, String description, Instant grantedAt) {
	}
}
