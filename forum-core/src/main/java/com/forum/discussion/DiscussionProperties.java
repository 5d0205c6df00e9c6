package com.forum.discussion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for threads and replies.
 *
 * @param minTitleLength shortest title accepted
 * @param maxTitleLength longest title accepted
 * @param maxBodyLength longest Markdown body accepted, in characters
 * @param hotGravity age that costs a thread one order of magnitude of engagement in the "hot" order
 * @param viewWindow a viewer counts once per thread within this window
 * @param viewFlushInterval how often buffered views are written to the database
 */
@ConfigurationProperties("forum.discussion")
public record DiscussionProperties(@DefaultValue("5") int minTitleLength, @DefaultValue("150") int maxTitleLength,
		@DefaultValue("50000") int maxBodyLength, @DefaultValue("750m") Duration hotGravity,
		@DefaultValue("30m") Duration viewWindow, @DefaultValue("5s") Duration viewFlushInterval) {
}
