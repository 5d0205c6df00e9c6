package com.forum.points;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The rules of the points shop, set in {@code config/community.yml}.
 *
 * @param perMemberLimit how many units of one item a member may hold (redeemed and not cancelled),
 * unless the item sets its own limit
 * @param holdValidity how long a redemption waits for staff to fulfil it before its points are
 * released and its unit goes back on sale
 * @param maxPrice the highest price an item may have
 * @param maxStock the most units of an item on offer at once
 */
@Validated
@ConfigurationProperties("forum.points.shop")
public record ShopProperties(@NotNull @Positive Integer perMemberLimit,
		@NotNull @DurationMin(minutes = 1) Duration holdValidity, @NotNull @Positive Integer maxPrice,
		@NotNull @Positive Integer maxStock) {
}
