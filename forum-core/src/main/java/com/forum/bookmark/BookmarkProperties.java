package com.forum.bookmark;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxPerMember most bookmarks one member keeps at once */
@Validated
@ConfigurationProperties("forum.bookmarks")
public record BookmarkProperties(@DefaultValue("5000") @Positive int maxPerMember) {
}
