package com.forum.web.cache;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The page cache for readers who are not signed in, set in {@code config/application.yml}.
 *
 * @param enabled off: every page is rendered for every request
 * @param timeToLive the longest a page is kept, changed or not: what it shows that no event announces (view
 *        counts, "5 min ago") is at most this old. Tags in Redis live twice as long, which is what makes an
 *        expired tag harmless (see {@link PageVersions})
 * @param maxSize the memory the pages of one node may take; the least used go first
 * @param paths the addresses whose pages may be kept (patterns as in {@code @GetMapping}); a page among them
 *        is kept only if its controller says what it depends on ({@link CachedPage#dependsOn}). Not the
 *        thread's own JSON ({@code /api/v1/threads/{id}}): it is where programs read the exact view count
 */
@Validated
@ConfigurationProperties("forum.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration timeToLive,
		@DefaultValue("64MB") @NotNull DataSize maxSize,
		@DefaultValue({ "/", "/threads/{id}", "/boards/{slug}", "/api/v1/threads", "/api/v1/threads/{id}/replies" })
		@NotNull List<String> paths) {
}
