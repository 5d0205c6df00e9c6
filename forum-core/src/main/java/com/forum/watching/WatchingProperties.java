package com.forum.watching;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for watching threads.
 *
 * @param watchStarted whether starting a thread makes its author watch it
 * @param trackReplied whether replying to a thread makes the author track it (unless they chose a level
 *        for it already)
 * @param newWindow how far back the "new" list reaches: threads started longer ago are not new
 * @param batchSize how many watchers or followers are told of a post per transaction: a thread with ten
 *        thousand watchers is many small transactions rather than one that holds its locks for long
 */
@Validated
@ConfigurationProperties("forum.watching")
public record WatchingProperties(@DefaultValue("true") boolean watchStarted, @DefaultValue("true") boolean trackReplied,
		@DefaultValue("14d") @NotNull @DurationMin(hours = 1) Duration newWindow,
		@DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {
}
