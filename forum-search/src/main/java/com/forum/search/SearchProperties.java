package com.forum.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is and how the forum's indexes are named.
 *
 * @param url the Elasticsearch HTTP endpoint
 * @param indexPrefix prefix of every index and alias, so several installations can share a cluster
 * @param connectTimeout how long to wait for a connection; short, so a missing cluster fails fast
 * @param responseTimeout how long to wait for an answer
 * @param maxQueryLength longest search text accepted
 * @param restoreCheckInterval how often each node checks that the indexes exist, rebuilding a missing
 *     one from the database (and once at start-up)
 */
@ConfigurationProperties("forum.search")
public record SearchProperties(@DefaultValue("http://127.0.0.1:9200") String url,
		@DefaultValue("forum") String indexPrefix, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("200") int maxQueryLength,
		@DefaultValue("1m") Duration restoreCheckInterval) {

	/** The alias every read and write goes through; a rebuild swaps the index behind it. */
	public String postsAlias() {
		return indexPrefix + "-posts";
	}
}
