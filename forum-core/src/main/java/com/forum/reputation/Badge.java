package com.forum.reputation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import com.forum.points.Account;
import com.forum.points.LedgerPosted;

/**
 * A badge (勋章): a milestone, set in {@code config/community.yml}. Its name and description are in
 * the {@code messages/reputation} bundles as {@code badge.<id>.name} and {@code badge.<id>.description}.
 *
 * @param id a stable name, kept with every member who holds the badge
 * @param rule what is counted
 * @param reason for {@link BadgeRule#ENTRIES}, the ledger reason counted ({@code answer-accepted})
 * @param threshold the count that earns the badge
 */
public record Badge(@NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id, @NotNull BadgeRule rule,
		String reason, @Positive long threshold) {

	/** Only a badge that counts entries names a reason, and it must. */
	@AssertTrue(message = "a badge counting entries names their reason, and only such a badge does")
	boolean isReasonGivenForEntries() {
		return (rule == BadgeRule.ENTRIES) == (reason != null && !reason.isBlank());
	}

	/**
	 * Whether this posting may have brought the member to the badge: an entry of the reason counted, a
	 * check-in, or reputation that now stands at the threshold or above (the posting that crosses it
	 * says so in the balance it carries).
	 */
	boolean mayBeReachedBy(LedgerPosted.Entry posting) {
		return posting.amount() > 0 && switch (rule) {
			case ENTRIES -> reason.equals(posting.reason());
			case CHECK_IN_STREAK -> posting.reason().startsWith("check-in");
			case REPUTATION -> posting.account() == Account.REPUTATION && posting.balance() >= threshold;
		};
	}
}
