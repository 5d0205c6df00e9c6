package com.forum.member;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of what members say of themselves on their profile.
 *
 * @param bioMaxLength longest bio, in characters of its Markdown
 * @param signatureMaxLength longest signature (one line)
 * @param devices the devices a member may name as the one they post from ("from Xiaomi 17 Pro")
 */
@Validated
@ConfigurationProperties("forum.profile-fields")
public record ProfileFieldProperties(@DefaultValue("500") @Positive @Max(5000) int bioMaxLength,
		@DefaultValue("100") @Positive @Max(300) int signatureMaxLength,
		@DefaultValue({ "Xiaomi 17 Pro", "Xiaomi 17", "Redmi K90" }) @NotNull List<String> devices) {
}
