package com.forum.reputation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When flags alone hide a post pending review, set in {@code config/community.yml}.
 *
 * @param count how many open flags from trusted members hide the post
 * @param reputation the reputation that makes a flagger trusted
 */
@Validated
@ConfigurationProperties("forum.trusted-flags")
public record TrustedFlagsProperties(@DefaultValue("3") @Min(2) int count,
		@DefaultValue("200") @PositiveOrZero long reputation) {
}
