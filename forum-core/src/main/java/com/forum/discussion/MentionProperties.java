package com.forum.discussion;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far {@code @name} mentions reach.
 *
 * @param maxPerPost the most members one post mentions (linked and told); names beyond them stay text,
 *     so a post cannot page the whole forum
 */
@Validated
@ConfigurationProperties("forum.mentions")
public record MentionProperties(@DefaultValue("10") @Positive @Max(100) int maxPerPost) {
}
