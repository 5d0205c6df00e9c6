package com.forum.discussion;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for threads and replies.
 *
 * @param minTitleLength shortest title accepted
 * @param maxTitleLength longest title accepted; the title column holds 150 characters
 * @param maxBodyLength longest Markdown body accepted, in characters
 * @param hotGravity age that costs a thread one order of magnitude of engagement in the "hot" order
 * @param viewWindow a viewer counts once per thread within this window
 * @param viewFlushInterval how often buffered views are written to the database
 * @param maxFlagNoteLength longest note a flag or a hidden post's reason takes; the column holds 500
 * @param hotListWindow the threads started this long ago at most make the "hot this week" list
 */
@Validated
@ConfigurationProperties("forum.discussion")
public record DiscussionProperties(@DefaultValue("5") @Positive int minTitleLength,
		@DefaultValue("150") @Positive @Max(150) int maxTitleLength, @DefaultValue("50000") @Positive int maxBodyLength,
		@DefaultValue("750m") @NotNull @DurationMin(minutes = 1) Duration hotGravity,
		@DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration viewWindow,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration viewFlushInterval,
		@DefaultValue("500") @Positive @Max(500) int maxFlagNoteLength,
		@DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration hotListWindow) {

	/** A range no title fits would refuse every new thread. */
	@AssertTrue(message = "must not be longer than max-title-length")
	boolean isMinTitleLengthWithinMax() {
		return minTitleLength <= maxTitleLength;
	}
}
