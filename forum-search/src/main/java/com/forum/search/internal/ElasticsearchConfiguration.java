package com.forum.search.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.forum.search.SearchProperties;
import com.forum.shared.ListenerLane;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch client, built here because Boot's auto-configuration does not cover this client
 * line, and the lane the indexers run on.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	/** The name indexers give in {@code @Async} to run on the indexing lane. */
	static final String INDEXING_LANE = "searchIndexing";

	/**
	 * Indexing runs on a lane of its own, so that a new post is searchable within a second even
	 * while a backlog of other deliveries (points for a flood of votes) waits on the default lane.
	 */
	@Bean(INDEXING_LANE)
	ListenerLane searchIndexing(SearchProperties properties, Clock clock) {
		return new ListenerLane("search-indexing", properties.indexingConcurrency(), clock);
	}

	@Bean(destroyMethod = "close")
	Rest5Client elasticsearchRestClient(SearchProperties properties) {
		return Rest5Client.builder(properties.endpoints())
			.setConnectionConfigCallback(connection -> connection
				.setConnectTimeout(Timeout.of(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)))
			.setRequestConfigCallback(request -> request
				.setResponseTimeout(Timeout.of(properties.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(Rest5Client restClient, JsonMapper json) {
		return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper(json)));
	}
}
