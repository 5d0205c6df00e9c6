package com.forum.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for private messages, set in {@code config/community.yml}.
 *
 * @param maxParticipants most members in one conversation, its starter included
 * @param maxSubjectLength longest subject accepted; the column holds 150 characters
 * @param maxBodyLength longest Markdown message accepted, in characters (as replies)
 * @param maxReportNoteLength longest note a report takes; the column holds 500
 */
@Validated
@ConfigurationProperties("forum.conversations")
public record ConversationProperties(@DefaultValue("20") @Min(2) @Max(200) int maxParticipants,
		@DefaultValue("150") @Positive @Max(150) int maxSubjectLength, @DefaultValue("50000") @Positive int maxBodyLength,
		@DefaultValue("500") @Positive @Max(500) int maxReportNoteLength) {
}
