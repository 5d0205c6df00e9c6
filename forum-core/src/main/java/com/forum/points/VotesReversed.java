package com.forum.points;

import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * Serial voting was reversed: the target and the sources are told why. Published in the transaction of
 * the reversals.
 *
 * @param windowDays how many days back the votes were judged
 */
public record VotesReversed(long caseId, MemberId target, SerialVotingCase.Pattern pattern, List<MemberId> sources,
		int votes, long pointsReversed, long reputationReversed, long windowDays) implements DomainEvent {

	public VotesReversed {
		sources = List.copyOf(sources);
	}
}
