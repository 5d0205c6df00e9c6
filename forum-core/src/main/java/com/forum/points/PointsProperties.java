package com.forum.points;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.forum.member.MemberId;

/**
 * The rules of points and reputation. The amounts are the community's policy and are set in
 * {@code config/community.yml}, not here.
 *
 * @param zone the zone whose calendar counts days for members who never chose one
 * @param checkIn what a daily check-in earns
 * @param earning what each kind of fact earns, by reason ({@code like-received}, ...)
 * @param reputationCap the most reputation a day may bring from the reasons it groups (likes, votes)
 * @param holdValidity how long a hold stays open before it expires and is released
 * @param housekeepingInterval how often expired holds are released
 * @param reconciliationInterval how often stored balances are checked against their entries
 * @param batching how concurrent earnings share transactions
 */
@Validated
@ConfigurationProperties("forum.points")
public record PointsProperties(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone, @Valid @NotNull CheckIn checkIn,
		@NotEmpty Map<String, @Valid Earning> earning, @Valid @NotNull ReputationCap reputationCap,
		@DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration holdValidity,
		@DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration housekeepingInterval,
		@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration reconciliationInterval,
		@DefaultValue @Valid @NotNull Batching batching) {

	/**
	 * @param writers the transactions that post batches at once; each holds a connection while it
	 *        writes. One makes the largest batches, and on two cores posted the most (5,600 postings a
	 *        second against 4,800 with two, at 290 µs of processor time a posting against 410); a
	 *        machine with more cores may give it more.
	 * @param maxPostings the most postings one transaction takes
	 */
	public record Batching(@DefaultValue("1") @Positive int writers, @DefaultValue("500") @Positive int maxPostings) {
	}

	/** The rule for a reason; a reason without one earns nothing. */
	public Earning earning(String reason) {
		return earning.getOrDefault(reason, Earning.NOTHING);
	}

	/**
	 * What a fact of this reason earns the member: its points and its reputation, each under its daily
	 * cap, both under the fact's cause key.
	 *
	 * @param subject the content the fact is about, or null
	 * @param parent the thread or petition the subject belongs to, or null
	 * @param source the member whose action earned it, or null
	 */
	public List<Posting> earnings(MemberId member, String reason, String cause, String subject, String parent,
			MemberId source) {
		Earning rule = earning(reason);
		List<Posting> postings = new ArrayList<>(2);
		if (rule.points() > 0) {
			Posting points = Posting.of(member, Account.POINTS, rule.points(), reason, cause)
				.about(subject, parent)
				.from(source);
			postings.add(rule.dailyPointsCap() == null ? points
					: points.capped(new Posting.DailyCap(rule.dailyPointsCap(), Set.of(reason))));
		}
		if (rule.reputation() > 0) {
			Posting reputation = Posting.of(member, Account.REPUTATION, rule.reputation(), reason, cause)
				.about(subject, parent)
				.from(source);
			postings.add(reputationCap.reasons().contains(reason)
					? reputation.capped(new Posting.DailyCap(reputationCap.daily(), reputationCap.reasons())) : reputation);
		}
		return postings;
	}

	/**
	 * @param daily points for each day's check-in
	 * @param streakDays every this many days in a row earns the bonus as well (7, 14, ...)
	 * @param streakBonus the bonus
	 */
	public record CheckIn(@PositiveOrZero int daily, @Positive int streakDays, @PositiveOrZero int streakBonus) {
	}

	/**
	 * @param points points earned per fact
	 * @param reputation reputation earned per fact
	 * @param dailyPointsCap the most points this reason brings a member a day, or null for no cap
	 */
	public record Earning(@PositiveOrZero int points, @PositiveOrZero int reputation,
			@Positive Integer dailyPointsCap) {

		static final Earning NOTHING = new Earning(0, 0, null);
	}

	public record ReputationCap(@Positive int daily, @NotNull Set<String> reasons) {
	}
}
