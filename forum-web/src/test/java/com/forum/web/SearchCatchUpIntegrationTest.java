package com.forum.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.forum.localservices.LocalServices;
import com.forum.search.internal.PostIndexer;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SearchCatchUpIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void postsMadeWhileElasticsearchIsDownAreIndexedWhenItReturns() {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("outage");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		String word = "zo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		LocalServices services = LocalServices.current().orElseThrow();

		services.elasticsearch().stop();
		try {
			Response created = api.post("/api/v1/threads",
					Map.of("boardId", board, "title", "Written during an outage " + word, "body", "still saved"),
					author.token());
			Response reply = api.post("/api/v1/threads/" + created.json().get("id").asLong() + "/replies",
					Map.of("body", "a reply during the outage " + word), author.token());

			assertThat(created.status()).isEqualTo(201);
			assertThat(reply.status()).isEqualTo(201);
			assertThat(api.get("/api/v1/search?q=" + word, null).status()).isEqualTo(503);
			Await.until(Duration.ofSeconds(10), () -> owedToIndexer() >= 2);
		}
		finally {
			services.elasticsearch().start();
		}

		Duration caughtUp = Await.until(Duration.ofSeconds(60),
				() -> api.get("/api/v1/search?q=" + word, null).json().get("totalItems").asLong() == 2);
		System.out.printf("index caught up %d ms after Elasticsearch came back%n", caughtUp.toMillis());
		Await.until(Duration.ofSeconds(10), () -> owedToIndexer() == 0);
	}

	/** Publications for the posts indexer not yet completed: waiting, in delivery or failed. */
	private long owedToIndexer() {
		return jdbc.queryForObject("select count(*) from event_publication where listener_id like ? "
				+ "and completion_date is null", Long.class, PostIndexer.class.getName() + "%");
	}
}
