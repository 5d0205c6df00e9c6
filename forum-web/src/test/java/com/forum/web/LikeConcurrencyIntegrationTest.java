package com.forum.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ConcurrentIntegrationTest
class LikeConcurrencyIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fiftyMembersLikingOneReplyAtOnceGiveExactlyFiftyLikes() throws Exception {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("asker");
		long board = api.get("/api/v1/boards/support", null).json().get("id").asLong();
		long thread = api.post("/api/v1/threads",
				Map.of("boardId", board, "title", "Popular answer inside", "body", "question"), author.token())
			.json().get("id").asLong();
		long reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "a great answer"),
				author.token()).json().get("id").asLong();
		List<Member> fans = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			fans.add(api.newMember("fan"));
		}

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			for (Member fan : fans) {
				results.add(pool.submit(() -> {
					start.await();
					return api.put("/api/v1/threads/" + thread + "/replies/" + reply + "/like", null, fan.token());
				}));
			}
			start.countDown();
			for (Future<Response> result : results) {
				assertThat(result.get().status()).isEqualTo(200);
			}
		}

		Response shown = api.get("/api/v1/threads/" + thread + "/replies/" + reply, null);
		assertThat(shown.json().get("likeCount").asInt()).isEqualTo(50);
		assertThat(jdbc.queryForObject("select count(*) from post_like where post_kind = 'REPLY' and post_id = ?",
				Integer.class, reply)).isEqualTo(50);
	}

	@Test
	void aDoubleClickCountsOnceAndUnlikingTwiceRemovesOnlyOne() throws Exception {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("asker");
		Member fan = api.newMember("fan");
		Member other = api.newMember("fan");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Like me twice", "body", "b"),
				author.token()).json().get("id").asLong();
		String like = "/api/v1/threads/" + thread + "/like";

		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<Response> first = pool.submit(() -> api.put(like, null, fan.token()));
			Future<Response> second = pool.submit(() -> api.put(like, null, fan.token()));
			assertThat(first.get().status()).isEqualTo(200);
			assertThat(second.get().status()).isEqualTo(200);
		}
		api.put(like, null, other.token());
		assertThat(api.get("/api/v1/threads/" + thread, null).json().get("likeCount").asInt()).isEqualTo(2);

		api.delete(like, fan.token());
		Response again = api.delete(like, fan.token());

		assertThat(again.json().get("liked").asBoolean()).isFalse();
		assertThat(again.json().get("likes").asLong()).isEqualTo(1);
		assertThat(api.get("/api/v1/threads/" + thread, null).json().get("likeCount").asInt()).isEqualTo(1);
	}

	@Test
	void membersCannotLikeTheirOwnPost() {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("self");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Self love thread", "body", "b"),
				author.token()).json().get("id").asLong();

		Response response = api.put("/api/v1/threads/" + thread + "/like", null, author.token());

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/rules/own-post");
	}
}
