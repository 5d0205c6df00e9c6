package com.forum.leaderboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The leaderboards, set in {@code config/community.yml}; their calendar is {@code forum.points.zone}.
 *
 * @param size how many members a leaderboard shows
 * @param checkInterval how often each node checks that the current boards are in Redis, rebuilding
 * any that are not
 * @param keepPast how long a week's or a month's board stays in Redis after it ends
 */
@Validated
@ConfigurationProperties("forum.leaderboards")
public record LeaderboardProperties(@DefaultValue("50") @Positive @Max(1000) int size,
		@DefaultValue("1m") @NotNull @DurationMin(millis = 100) Duration checkInterval,
		@DefaultValue("35d") @NotNull @DurationMin(hours = 1) Duration keepPast) {
}
