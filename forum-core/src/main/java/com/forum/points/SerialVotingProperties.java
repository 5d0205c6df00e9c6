package com.forum.points;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When likes and votes count as serial voting, which the nightly job reverses. The thresholds are the
 * community's policy and are set in {@code config/community.yml}.
 *
 * @param schedule when the job runs: a cron expression (second minute hour day month weekday) in the
 *        zone of {@code forum.points.zone}, or {@code -} for never
 * @param window how far back the job looks
 * @param reasons the ledger reasons that are likes and votes received
 * @param maxFromOneMember the most posts and petitions of one member that another may like or vote for
 *        within the window; one more is serial voting
 * @param ring when new accounts voting together are a ring
 */
@Validated
@ConfigurationProperties("forum.points.serial-voting")
public record SerialVotingProperties(@DefaultValue("0 30 3 * * *") @NotNull @CronSchedule String schedule,
		@DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration window,
		@DefaultValue({ "like-received", "vote-received" }) @NotEmpty Set<String> reasons,
		@DefaultValue("10") @Positive int maxFromOneMember, @Valid @NotNull @DefaultValue Ring ring) {

	/**
	 * New accounts that give most of their likes and votes to one member. Each must be new, have little
	 * reputation and have given enough votes for the share to mean something; enough of them must boost
	 * the same member.
	 *
	 * @param joinedWithin an account is new for this long after registering
	 * @param maxReputation the most reputation a ring account has
	 * @param share the least part of an account's likes and votes within the window that go to one member
	 * @param minVotes the fewest likes and votes an account gives that member
	 * @param minAccounts the fewest such accounts that make a ring
	 */
	public record Ring(@DefaultValue("14d") @NotNull @DurationMin(hours = 1) Duration joinedWithin,
			@DefaultValue("50") @PositiveOrZero long maxReputation,
			@DefaultValue("0.6") @DecimalMin("0.0") @DecimalMax("1.0") double share,
			@DefaultValue("3") @Positive int minVotes, @DefaultValue("3") @Positive int minAccounts) {
	}
}
