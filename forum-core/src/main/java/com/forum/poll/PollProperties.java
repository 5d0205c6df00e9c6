package com.forum.poll;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for polls in threads.
 *
 * @param minOptions fewest options a poll offers
 * @param maxOptions most options a poll offers
 * @param maxQuestionLength longest question; the column holds 300 characters
 * @param maxOptionLength longest option; the column holds 200 characters
 */
@Validated
@ConfigurationProperties("forum.polls")
public record PollProperties(@DefaultValue("2") @Min(2) int minOptions, @DefaultValue("20") @Positive int maxOptions,
		@DefaultValue("300") @Positive @Max(300) int maxQuestionLength,
		@DefaultValue("200") @Positive @Max(200) int maxOptionLength) {

	/** A range no poll fits would refuse every poll. */
	@AssertTrue(message = "must not be more than max-options")
	boolean isMinOptionsWithinMax() {
		return minOptions <= maxOptions;
	}
}
