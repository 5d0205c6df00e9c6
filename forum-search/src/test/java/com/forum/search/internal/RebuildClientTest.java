package com.forum.search.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildClientTest {

	@Test
	void aRebuildsRequestsWaitTheirOwnTimeoutWhileSearchesKeepTheClients() throws Exception {
		try (Rest5Client rest = Rest5Client.builder(URI.create("http://127.0.0.1:1")).build()) {
			ElasticsearchClient searches = new ElasticsearchClient(
					new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));

			ElasticsearchClient rebuilding = AliasedIndex.patient(searches, Duration.ofMinutes(2));

			assertThat(Rest5ClientOptions.of(rebuilding._transportOptions())
				.restClientRequestOptions()
				.getRequestConfig()
				.getResponseTimeout()).isEqualTo(Timeout.of(120_000, TimeUnit.MILLISECONDS));
			assertThat(Rest5ClientOptions.of(searches._transportOptions()).restClientRequestOptions().getRequestConfig())
				.isNull();
			// the client's identification headers go along with the new timeout
			assertThat(rebuilding._transportOptions().headers())
				.containsAll(searches._transportOptions().headers());
		}
	}
}
