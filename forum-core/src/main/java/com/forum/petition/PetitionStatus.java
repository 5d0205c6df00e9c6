package com.forum.petition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a petition stands. The allowed moves are the petition's own rules: review leads to a plan
 * or a decline, a plan to work and a release; a declined petition can be reopened; shipped and
 * duplicate petitions are closed for good.
 */
public enum PetitionStatus {

	SUBMITTED, UNDER_REVIEW, PLANNED, IN_PROGRESS, SHIPPED, DECLINED, DUPLICATE;

	/** Still waiting for a decision or its delivery: what triage works on and the "open" filters show. */
	public static final Set<PetitionStatus> OPEN = Collections
		.unmodifiableSet(EnumSet.of(SUBMITTED, UNDER_REVIEW, PLANNED, IN_PROGRESS));

	private static final Map<PetitionStatus, Set<PetitionStatus>> NEXT = Map.of(
			SUBMITTED, EnumSet.of(UNDER_REVIEW, PLANNED, DECLINED, DUPLICATE),
			UNDER_REVIEW, EnumSet.of(PLANNED, DECLINED, DUPLICATE),
			PLANNED, EnumSet.of(IN_PROGRESS, SHIPPED, UNDER_REVIEW, DECLINED),
			IN_PROGRESS, EnumSet.of(SHIPPED, PLANNED),
			SHIPPED, EnumSet.noneOf(PetitionStatus.class),
			DECLINED, EnumSet.of(UNDER_REVIEW),
			DUPLICATE, EnumSet.noneOf(PetitionStatus.class));

	public boolean canMoveTo(PetitionStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<PetitionStatus> next() {
		return Set.copyOf(NEXT.get(this));
	}

	public boolean isOpen() {
		return OPEN.contains(this);
	}

	/** The status in words, "under review": for sentences, and capitalized for badges. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** The status as the reader's language names it ({@code petition.status.UNDER_REVIEW}), for messages. */
	public MessageSourceResolvable asMessage() {
		return new DefaultMessageSourceResolvable(new String[] { "petition.status." + name() }, label());
	}
}
