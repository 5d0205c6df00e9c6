package com.forum.launch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules and defaults of launches, set in {@code config/community.yml}.
 *
 * @param validity how long a reservation waits for the store when a launch names no validity
 * @param minValidity the shortest validity staff may set
 * @param maxValidity the longest validity staff may set
 * @param maxWindows the most priority windows a launch has
 * @param maxWindowLead how long before the general opening a window may open at most
 * @param maxLevel the highest level a window may name
 * @param maxSlots the most slots a launch has
 * @param maxPrice the highest points price
 * @param codeLength characters of a reservation code, 5 random bits each (16 = 80 bits)
 * @param promotionBatch waitlisted members looked at per freed slot
 * @param reminderLead how long before a reservation expires its member is reminded
 * @param jobInterval how often expired reservations, reminders and opened windows are looked for
 * @param redisCheckInterval how often the admission keys of current launches are checked and rebuilt if lost
 * @param rebuildSettle how long a rebuild waits for attempts already admitted to reach PostgreSQL
 * @param retryAfter what a 503 while admission is unavailable tells clients to wait
 * @param reconciliationInterval how often PostgreSQL and Redis are checked against each other
 * @param holdGrace how much longer a points hold stays open than its reservation, so the reservation's
 * own expiry releases it
 * @param soldOutMemo how long a member told "sold out" hears it again without asking Redis (0 asks every time)
 * @param soldOutMemoSize how many such members a node remembers at most
 */
@Validated
@ConfigurationProperties("forum.launch")
public record LaunchProperties(@DefaultValue("48h") @NotNull @DurationMin(minutes = 1) Duration validity,
		@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration minValidity,
		@DefaultValue("30d") @NotNull Duration maxValidity, @DefaultValue("5") @Min(0) @Max(10) int maxWindows,
		@DefaultValue("30d") @NotNull Duration maxWindowLead, @DefaultValue("10") @Min(1) int maxLevel,
		@DefaultValue("1000000") @Min(1) int maxSlots, @DefaultValue("1000000") @Min(1) int maxPrice,
		@DefaultValue("16") @Min(16) @Max(24) int codeLength, @DefaultValue("20") @Min(1) int promotionBatch,
		@DefaultValue("2h") @NotNull Duration reminderLead,
		@DefaultValue("15s") @NotNull @DurationMin(millis = 100) Duration jobInterval,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 100) Duration redisCheckInterval,
		@DefaultValue("500ms") @NotNull Duration rebuildSettle, @DefaultValue("2s") @NotNull Duration retryAfter,
		@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration reconciliationInterval,
		@DefaultValue("1h") @NotNull Duration holdGrace,
		@DefaultValue("1s") @NotNull @DurationMax(seconds = 10) Duration soldOutMemo,
		@DefaultValue("1000000") @Min(1) long soldOutMemoSize) {
}
