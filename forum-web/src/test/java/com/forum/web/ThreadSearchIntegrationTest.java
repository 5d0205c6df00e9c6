package com.forum.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ThreadSearchIntegrationTest {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void aThreadCreatedThroughTheApiIsFoundBySearchWithinOneSecond() {
		Member author = api.newMember("author");
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

		Response created = api.post("/api/v1/threads", Map.of("boardId", boardId("hyperos"), "title",
				"Camera shutter sound " + word, "body", "The **shutter** sound is too loud " + word), author.token());
		long posted = System.nanoTime();

		assertThat(created.status()).isEqualTo(201);
		long threadId = created.json().get("id").asLong();
		Duration latency = Await.until(Duration.ofSeconds(10), () -> search(word).get("totalItems").asLong() == 1);
		System.out.printf("search latency after posting: %d ms%n", latency.toMillis());
		assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(1));

		JsonNode hit = search(word).get("items").get(0);
		assertThat(hit.get("threadId").asLong()).isEqualTo(threadId);
		assertThat(hit.get("titleHtml").asString()).contains("<mark>" + word + "</mark>");
		assertThat(hit.get("snippetHtml").asString()).contains("<mark>" + word + "</mark>");
	}

	@Test
	void repliesAreSearchableAndNarrowedByBoard() {
		Member author = api.newMember("author");
		Member helper = api.newMember("helper");
		String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long threadId = api.post("/api/v1/threads", Map.of("boardId", boardId("support"), "title",
				"Phone does not charge", "body", "Since yesterday it will not charge."), author.token())
			.json().get("id").asLong();

		Response reply = api.post("/api/v1/threads/" + threadId + "/replies",
				Map.of("body", "Clean the port; mine had lint " + word), helper.token());
		assertThat(reply.status()).isEqualTo(201);

		Await.until(Duration.ofSeconds(10), () -> search(word).get("totalItems").asLong() == 1);
		JsonNode hit = search(word).get("items").get(0);
		assertThat(hit.get("replyId").asLong()).isEqualTo(reply.json().get("id").asLong());
		assertThat(hit.get("threadTitle").asString()).isEqualTo("Phone does not charge");
		assertThat(search(word).get("boards").get(0).get("boardId").asLong()).isEqualTo(boardId("support"));

		JsonNode elsewhere = api.get("/api/v1/search?q=" + word + "&boardId=" + boardId("hyperos"), null).json();
		assertThat(elsewhere.get("totalItems").asLong()).isZero();
		assertThat(elsewhere.get("boards").get(0).get("count").asLong()).isEqualTo(1);
	}

	@Test
	void aDeletedThreadLeavesTheIndex() {
		Member author = api.newMember("author");
		String word = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long threadId = api.post("/api/v1/threads", Map.of("boardId", boardId("hyperos"), "title",
				"Temporary thread " + word, "body", "soon gone"), author.token()).json().get("id").asLong();
		Await.until(Duration.ofSeconds(10), () -> search(word).get("totalItems").asLong() == 1);

		assertThat(api.delete("/api/v1/threads/" + threadId, author.token()).status()).isEqualTo(204);

		Await.until(Duration.ofSeconds(10), () -> search(word).get("totalItems").asLong() == 0);
		assertThat(api.get("/api/v1/threads/" + threadId, null).status()).isEqualTo(404);
	}

	private JsonNode search(String text) {
		return api.get("/api/v1/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), null).json();
	}

	private long boardId(String slug) {
		return api.get("/api/v1/boards/" + slug, null).json().get("id").asLong();
	}
}
