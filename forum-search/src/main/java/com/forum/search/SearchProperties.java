package com.forum.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Elasticsearch is and how the forum's indexes are named.
 *
 * @param urls the HTTP endpoints of the Elasticsearch cluster's nodes; requests go round them, and one that
 *     does not answer is skipped until it is back
 * @param url a single endpoint, the older setting; when set, it is used instead of {@code urls}
 * @param replicas copies of each index shard on other nodes, set when an index is created: 0 on one
 *     node, at least 1 on a cluster so that searches keep answering while a node is down
 * @param indexPrefix prefix of every index and alias, so several installations can share a cluster;
 * Elasticsearch takes only lower-case index names
 * @param connectTimeout how long to wait for a connection; short, so a missing cluster fails fast
 * @param responseTimeout how long to wait for an answer
 * @param maxQueryLength longest search text accepted
 * @param restoreCheckInterval how often each node checks that the indexes exist, rebuilding a missing
 *     one from the database (and once at start-up)
 * @param indexingConcurrency index writes run at once on each node; writes arriving meanwhile are
 *     sent together in one bulk request when the one before returns
 * @param didYouMeanBelow a search finding fewer results than this offers a corrected query, if one
 *     finds more
 * @param rebuildRate documents a second a rebuild sends Elasticsearch at most, 0 for no limit: a
 *     rebuild beside a busy forum ({@code ./forum reindex --forum.search.rebuild-rate=2000}) then
 *     leaves room for searches and live indexing; a restore of a missing index runs free
 * @param rebuildResponseTimeout how long a rebuild's own requests (its bulk loads, the refresh of the new
 *     index) wait for an answer: beside a busy forum they queue behind searches and live writes for
 *     longer than a search should ever wait
 */
@Validated
@ConfigurationProperties("forum.search")
public record SearchProperties(@DefaultValue("http://127.0.0.1:9200") @NotEmpty List<@NotBlank @URL String> urls,
		@DefaultValue("") @NotNull @URL String url, @DefaultValue("0") @PositiveOrZero int replicas,
		@DefaultValue("forum") @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]*",
				message = "must be lower-case letters, digits, dashes or underscores") String indexPrefix,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration responseTimeout,
		@DefaultValue("200") @Positive int maxQueryLength,
		@DefaultValue("1m") @NotNull @DurationMin(millis = 100) Duration restoreCheckInterval,
		@DefaultValue("16") @Positive int indexingConcurrency, @DefaultValue("3") @PositiveOrZero int didYouMeanBelow,
		@DefaultValue("0") @PositiveOrZero int rebuildRate,
		@DefaultValue("2m") @NotNull @DurationMin(seconds = 1) Duration rebuildResponseTimeout) {

	/** The endpoints the client talks to. */
	public List<URI> endpoints() {
		return (url.isBlank() ? urls : List.of(url)).stream().map(URI::create).toList();
	}

	/** The alias every read and write goes through; a rebuild swaps the index behind it. */
	public String postsAlias() {
		return indexPrefix + "-posts";
	}

	/** The alias of the members index, for finding members by name and bio. */
	public String membersAlias() {
		return indexPrefix + "-members";
	}
}
