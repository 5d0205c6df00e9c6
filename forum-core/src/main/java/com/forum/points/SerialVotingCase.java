package com.forum.points;

import java.time.Instant;
import java.util.List;

import com.forum.member.MemberId;

/**
 * Serial voting found and reversed: whose likes and votes for whom, and what it took back.
 *
 * @param votes the target's posts and petitions the sources liked or voted for
 * @param entriesReversed the ledger entries those votes had earned and that were compensated
 * @param pointsReversed the points taken back
 * @param reputationReversed the reputation taken back
 * @param windowStart the votes judged were given after this
 */
public record SerialVotingCase(long id, MemberId target, Pattern pattern, List<MemberId> sources, int votes,
		int entriesReversed, long pointsReversed, long reputationReversed, Instant windowStart, Instant detectedAt) {

	public SerialVotingCase {
		sources = List.copyOf(sources);
	}

	public enum Pattern {
		/** One member liked or voted for too many of another's posts and petitions. */
		SERIAL,
		/** New accounts with little reputation gave most of their likes and votes to one member. */
		RING
	}
}
