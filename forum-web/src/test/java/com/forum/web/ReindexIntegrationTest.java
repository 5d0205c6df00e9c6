package com.forum.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.forum.search.ReindexReport;
import com.forum.search.Reindexer;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ReindexIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Reindexer reindexer;

	@Test
	void aRebuildSwapsInAFullIndexWhileSearchesKeepWorking() throws Exception {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("rebuilder");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		String word = "zx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/threads", Map.of("boardId", board, "title", "Rebuild probe " + i, "body", word),
					author.token());
		}
		Await.until(Duration.ofSeconds(10), () -> total(api, word) == 5);

		AtomicBoolean rebuilding = new AtomicBoolean(true);
		AtomicInteger searches = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		Thread searcher = Thread.ofVirtual().start(() -> {
			while (rebuilding.get()) {
				ApiClient.Response response = api.get("/api/v1/search?q=" + word, null);
				searches.incrementAndGet();
				if (response.status() != 200 || response.json().get("totalItems").asLong() != 5) {
					failures.incrementAndGet();
				}
			}
		});
		ReindexReport report;
		try {
			report = reindexer.rebuild();
		}
		finally {
			rebuilding.set(false);
			searcher.join();
		}

		System.out.printf("reindex: %s, %d searches during it, %d failed%n", report, searches.get(), failures.get());
		assertThat(report.topics()).isGreaterThanOrEqualTo(5);
		assertThat(searches.get()).isPositive();
		assertThat(failures.get()).isZero();
		assertThat(total(api, word)).isEqualTo(5);

		api.post("/api/v1/threads", Map.of("boardId", board, "title", "After the rebuild", "body", word),
				author.token());
		Await.until(Duration.ofSeconds(10), () -> total(api, word) == 6);
	}

	private static long total(ApiClient api, String word) {
		return api.get("/api/v1/search?q=" + word, null).json().get("totalItems").asLong();
	}
}
