package com.forum.trust;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules of trust in what members post, set in {@code config/community.yml}.
 *
 * @param newMember how long a member counts as new, and what a new member's post may hold
 * @param duplicateWindow the same text from the same member within this window is refused (0: never)
 * @param burst how many posts a member may send within a short window
 * @param offences how many refusals (duplicates, bursts) within a window silence a member
 * @param silenceDays how long each successive silence lasts, in days; the last repeats
 */
@Validated
@ConfigurationProperties("forum.trust")
public record TrustProperties(@DefaultValue @Valid @NotNull NewMember newMember,
		@DefaultValue("10m") @NotNull @DurationMin(seconds = 0) Duration duplicateWindow,
		@DefaultValue @Valid @NotNull Burst burst, @DefaultValue @Valid @NotNull Offences offences,
		@DefaultValue({ "1", "3", "7", "30" }) @NotEmpty List<@Positive Integer> silenceDays) {

	/**
	 * A member is new while they have fewer than {@code firstPosts} posts or joined less than
	 * {@code firstDays} ago, unless their reputation reached {@code untilReputation}.
	 *
	 * @param maxLinks the most links and images (together) a new member's post may hold
	 */
	public record NewMember(@DefaultValue("5") @PositiveOrZero int firstPosts,
			@DefaultValue("3") @PositiveOrZero int firstDays, @DefaultValue("100") long untilReputation,
			@DefaultValue("1") @PositiveOrZero int maxLinks) {
	}

	/** At most {@code posts} threads, replies and petitions together within {@code window}. */
	public record Burst(@DefaultValue("5") @Positive int posts,
			@DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration window) {
	}

	/** {@code count} refusals within {@code window} silence a member. */
	public record Offences(@DefaultValue("3") @Positive int count,
			@DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration window) {
	}

	/** Days of the n-th silence (1-based); the last duration repeats. */
	public int silenceDays(int nth) {
		return silenceDays.get(Math.min(nth, silenceDays.size()) - 1);
	}
}
