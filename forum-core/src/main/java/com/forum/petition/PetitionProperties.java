package com.forum.petition;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for petitions.
 *
 * @param firstResponseDeadline every petition gets its first official response within this time
 * @param trendingWindow votes within this window count for "trending"
 * @param releaseDay weekday of the default release slot
 * @param releaseTime time of day of the default release slot
 * @param releaseZone time zone the release slot is given in
 * @param creditedBackers how many of the earliest backers a release note credits per petition
 * @param maxTags most tags on one petition
 * @param fillerWords words that say nothing about what is asked for; similar-petition detection
 * ignores them
 * @param voteFoldInterval how often exact vote counts are copied into the column lists sort by
 */
@Validated
@ConfigurationProperties("forum.petitions")
public record PetitionProperties(@DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration firstResponseDeadline,
		@DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration trendingWindow,
		@DefaultValue("TUESDAY") @NotNull DayOfWeek releaseDay, @DefaultValue("12:00") @NotNull LocalTime releaseTime,
		@DefaultValue("Asia/Shanghai") @NotNull ZoneId releaseZone,
		@DefaultValue("5") @PositiveOrZero int creditedBackers, @DefaultValue("5") @Positive int maxTags,
		@DefaultValue({ "please", "pls", "add", "support", "feature", "option", "ability", "allow", "want", "would",
				"like", "could", "can", "we", "i", "you", "need", "request", "suggest", "suggestion", "希望", "增加",
				"添加", "支持", "请", "能否", "能不能", "可以", "建议", "功能", "一个", "希望能", "麻烦" })
		@NotNull List<@NotBlank String> fillerWords,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 100) Duration voteFoldInterval) {
}
