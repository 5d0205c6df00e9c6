package com.forum.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A locked thread is frozen: members can no longer reply, edit, delete, like, take a like back or
 * change the accepted answer, in the opening post or in any reply. Moderators still can, and unlock.
 */
@IntegrationTest
class LockedThreadIntegrationTest {

	@LocalServerPort
	int port;

	ApiClient api;

	String moderator;

	Member asker;

	Member helper;

	Member fan;

	String thread;

	String answer;

	@BeforeEach
	void lockAnsweredThread() {
		api = new ApiClient(port);
		moderator = api.token("moderator", "moderator-demo-2026");
		asker = api.newMember("asker");
		helper = api.newMember("helper");
		fan = api.newMember("fan");
		long board = api.get("/api/v1/boards/support", null).json().get("id").asLong();
		thread = "/api/v1/threads/" + api.post("/api/v1/threads",
				Map.of("boardId", board, "title", "Battery drains overnight", "body", "Since the update"),
				asker.token()).json().get("id").asLong();
		answer = thread + "/replies/" + api.post(thread + "/replies", Map.of("body", "Turn off always-on display"),
				helper.token()).json().get("id").asLong();
		assertThat(api.put(thread + "/like", null, fan.token()).status()).isEqualTo(200);
		assertThat(api.put(answer + "/like", null, fan.token()).status()).isEqualTo(200);
		assertThat(api.put(thread + "/lock", null, moderator).status()).isEqualTo(200);
	}

	@Test
	void membersCanChangeNothingInALockedThread() {
		Map<String, Supplier<Response>> attempts = new LinkedHashMap<>();
		attempts.put("the asker edits the thread",
				() -> api.put(thread, Map.of("title", "Battery drains at night", "body", "edited"), asker.token()));
		attempts.put("the asker deletes the thread", () -> api.delete(thread, asker.token()));
		attempts.put("the helper replies", () -> api.post(thread + "/replies", Map.of("body", "more"), helper.token()));
		attempts.put("the helper edits the answer", () -> api.put(answer, Map.of("body", "edited"), helper.token()));
		attempts.put("the helper deletes the answer", () -> api.delete(answer, helper.token()));
		attempts.put("the helper likes the thread", () -> api.put(thread + "/like", null, helper.token()));
		attempts.put("a fan takes back a like of the thread", () -> api.delete(thread + "/like", fan.token()));
		attempts.put("the asker likes the answer", () -> api.put(answer + "/like", null, asker.token()));
		attempts.put("a fan takes back a like of the answer", () -> api.delete(answer + "/like", fan.token()));
		attempts.put("the asker accepts the answer", () -> api.post(thread + "/accepted-answer",
				Map.of("replyId", id(answer)), asker.token()));

		attempts.forEach((attempt, request) -> {
			Response refused = request.get();
			assertThat(refused.status()).as(attempt).isEqualTo(409);
			assertThat(refused.json().get("type").asString()).as(attempt).isEqualTo("/problems/rules/topic-locked");
		});

		JsonNode topic = api.get(thread, null).json();
		JsonNode reply = api.get(answer, null).json();
		assertThat(topic.get("title").asString()).isEqualTo("Battery drains overnight");
		assertThat(topic.get("likeCount").asInt()).isEqualTo(1);
		assertThat(topic.get("replyCount").asInt()).isEqualTo(1);
		assertThat(topic.get("solved").asBoolean()).isFalse();
		assertThat(reply.get("body").asString()).isEqualTo("Turn off always-on display");
		assertThat(reply.get("likeCount").asInt()).isEqualTo(1);
		assertThat(reply.get("deleted").asBoolean()).isFalse();
	}

	@Test
	void moderatorsStillActInALockedThreadAndUnlockingOpensItAgain() {
		assertThat(api.put(answer, Map.of("body", "Turn off always-on display (tidied)"), moderator).status())
			.isEqualTo(200);
		assertThat(api.put(answer + "/like", null, moderator).status()).isEqualTo(200);
		assertThat(api.post(thread + "/accepted-answer", Map.of("replyId", id(answer)), moderator).status())
			.isEqualTo(200);
		assertThat(api.post(thread + "/replies", Map.of("body", "Locked: answered."), moderator).status())
			.isEqualTo(201);

		assertThat(api.delete(thread + "/lock", moderator).status()).isEqualTo(200);

		assertThat(api.put(answer, Map.of("body", "Or lower the refresh rate"), helper.token()).status())
			.isEqualTo(200);
		assertThat(api.delete(thread + "/like", fan.token()).status()).isEqualTo(200);
		JsonNode topic = api.get(thread, null).json();
		assertThat(topic.get("locked").asBoolean()).isFalse();
		assertThat(topic.get("solved").asBoolean()).isTrue();
		assertThat(topic.get("replyCount").asInt()).isEqualTo(2);
	}

	@Test
	void thePageOffersNoChangesToMembersAndExplainsARefusal() {
		Browser browser = new Browser(port).signIn(helper);
		String page = "/threads/" + id(thread);

		String shown = browser.get(page).body();
		HttpResponse<String> deleted = browser.post(page + "/replies/" + id(answer) + "/delete",
				"_csrf=" + Browser.enc(Browser.csrf(shown)));

		assertThat(shown).contains("This thread is locked").doesNotContain(page + "/replies/" + id(answer) + "/edit");
		assertThat(deleted.statusCode()).isEqualTo(409);
		assertThat(deleted.body()).contains("This thread is locked: only moderators can change it.");
		assertThat(api.get(answer, null).json().get("deleted").asBoolean()).isFalse();
	}

	private static long id(String path) {
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}
}
