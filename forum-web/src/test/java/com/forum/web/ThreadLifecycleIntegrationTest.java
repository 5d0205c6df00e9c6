package com.forum.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ThreadLifecycleIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String moderator;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		moderator = api.token("moderator", "moderator-demo-2026");
	}

	@Test
	void editsKeepTheEarlierTextAndOnlyTheAuthorMayEdit() {
		Member author = api.newMember("editor");
		Member stranger = api.newMember("stranger");
		long thread = start(author, "hyperos", "First title here", "first body");

		Response byStranger = api.put("/api/v1/threads/" + thread, Map.of("title", "Hijacked title", "body", "x"),
				stranger.token());
		Response edited = api.put("/api/v1/threads/" + thread, Map.of("title", "Second title here", "body",
				"second *body*"), author.token());

		assertThat(byStranger.status()).isEqualTo(403);
		assertThat(byStranger.json().get("type").asString()).isEqualTo("/problems/denied/privilege");
		assertThat(byStranger.json().get("privilege").asString()).isEqualTo("edit-others-posts");
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().get("bodyHtml").asString()).contains("<em>body</em>");
		assertThat(edited.json().get("editedAt").isNull()).isFalse();
		JsonNode history = api.get("/api/v1/threads/" + thread + "/revisions", null).json().get("items");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("title").asString()).isEqualTo("First title here");
		assertThat(history.get(0).get("body").asString()).isEqualTo("first body");
	}

	@Test
	void moderatorsPinAndLockAndMembersCannot() {
		Member author = api.newMember("poster");
		Member other = api.newMember("other");
		long thread = start(author, "xiaomi-17", "Pin me please", "body");

		assertThat(api.put("/api/v1/threads/" + thread + "/pin", null, author.token()).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/threads/" + thread + "/lock", null, author.token()).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/threads/" + thread + "/pin", null, moderator).json().get("pinned").asBoolean())
			.isTrue();
		assertThat(api.put("/api/v1/threads/" + thread + "/lock", null, moderator).json().get("locked").asBoolean())
			.isTrue();

		Response refused = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "late"), other.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/topic-locked");
		assertThat(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "mod note"), moderator).status())
			.isEqualTo(201);

		long boardId = api.get("/api/v1/boards/xiaomi-17", null).json().get("id").asLong();
		JsonNode first = api.get("/api/v1/threads?boardId=" + boardId + "&sort=latest", null).json().get("items").get(0);
		assertThat(first.get("pinned").asBoolean()).isTrue();
	}

	@Test
	void theAskerAcceptsAnAnswerOnASupportBoardOnly() {
		Member asker = api.newMember("asker");
		Member helper = api.newMember("helper");
		long question = start(asker, "support", "Screen flickers at night", "Any fix?");
		long answer = api.post("/api/v1/threads/" + question + "/replies", Map.of("body", "Turn off DC dimming"),
				helper.token()).json().get("id").asLong();

		Response byHelper = api.post("/api/v1/threads/" + question + "/accepted-answer", Map.of("replyId", answer),
				helper.token());
		Response byAsker = api.post("/api/v1/threads/" + question + "/accepted-answer", Map.of("replyId", answer),
				asker.token());

		assertThat(byHelper.status()).isEqualTo(403);
		assertThat(byAsker.status()).isEqualTo(200);
		assertThat(byAsker.json().get("solved").asBoolean()).isTrue();
		assertThat(byAsker.json().get("acceptedReplyId").asLong()).isEqualTo(answer);
		assertThat(api.get("/api/v1/threads/" + question + "/replies", null).json().get("items").get(0)
			.get("accepted").asBoolean()).isTrue();

		long discussion = start(asker, "hyperos", "Just chatting here", "hi");
		long reply = api.post("/api/v1/threads/" + discussion + "/replies", Map.of("body", "hello"), helper.token())
			.json().get("id").asLong();
		Response notAQuestion = api.post("/api/v1/threads/" + discussion + "/accepted-answer",
				Map.of("replyId", reply), asker.token());
		assertThat(notAQuestion.status()).isEqualTo(409);
		assertThat(notAQuestion.json().get("type").asString()).isEqualTo("/problems/rules/not-a-question");
	}

	@Test
	void repliesQuoteEarlierRepliesAndDeletedRepliesKeepTheirPlaceEmpty() {
		Member author = api.newMember("quoter");
		long thread = start(author, "hyperos", "Quote chain thread", "start");
		long first = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "the **original** words"),
				author.token()).json().get("id").asLong();
		Response quoting = api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "I agree", "quotedReplyId", first), author.token());

		assertThat(quoting.json().get("quote").get("excerpt").asString()).isEqualTo("the original words");
		assertThat(quoting.json().get("quote").get("author").asString()).isEqualTo(author.username());

		assertThat(api.delete("/api/v1/threads/" + thread + "/replies/" + first, moderator).status()).isEqualTo(204);
		JsonNode replies = api.get("/api/v1/threads/" + thread + "/replies", null).json();
		assertThat(replies.get("totalItems").asLong()).isEqualTo(2);
		assertThat(replies.get("items").get(0).get("deleted").asBoolean()).isTrue();
		assertThat(replies.get("items").get(0).get("body").asString()).isEmpty();
		assertThat(api.get("/api/v1/threads/" + thread, null).json().get("replyCount").asInt()).isEqualTo(1);
	}

	@Test
	void viewsCountOncePerViewerAndReachTheDatabase() throws Exception {
		Member author = api.newMember("viewed");
		long thread = start(author, "hyperos", "Count my views", "body");
		HttpClient sameVisitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Browser member = new Browser(port).signIn(api.newMember("viewer"));

		for (int i = 0; i < 3; i++) {
			// one visitor (an address and a browser) with or without cookies, served a rendered or a kept page
			api.page("/threads/" + thread);
			sameVisitor.send(HttpRequest.newBuilder(URI.create(api.base() + "/threads/" + thread)).build(),
					HttpResponse.BodyHandlers.discarding());
			sameVisitor.send(HttpRequest.newBuilder(URI.create(api.base() + "/threads/" + thread))
				.header("User-Agent", "Another browser/1.0")
				.build(), HttpResponse.BodyHandlers.discarding());
			member.get("/threads/" + thread);
		}

		Await.until(Duration.ofSeconds(10), () -> jdbc.queryForObject("select view_count from topic where id = ?",
				Long.class, thread) == 3);
		assertThat(api.get("/api/v1/threads/" + thread, null).json().get("viewCount").asLong()).isEqualTo(3);
	}

	@Test
	void hotOrderRanksEngagementAboveRecency() {
		Member author = api.newMember("hot");
		Member fan = api.newMember("fan");
		long boardId = api.get("/api/v1/boards/smart-home", null).json().get("id").asLong();
		long liked = start(author, "smart-home", "Robot vacuum maps are great", "body");
		api.post("/api/v1/threads/" + liked + "/replies", Map.of("body", "agreed"), fan.token());
		api.put("/api/v1/threads/" + liked + "/like", null, fan.token());
		long newer = start(author, "smart-home", "Newer but quiet thread", "body");

		JsonNode latest = api.get("/api/v1/threads?boardId=" + boardId + "&sort=newest", null).json().get("items");
		JsonNode hot = api.get("/api/v1/threads?boardId=" + boardId + "&sort=hot&size=50", null).json().get("items");

		assertThat(latest.get(0).get("id").asLong()).isEqualTo(newer);
		// other tests' busier threads in the same board may come first: what counts is the order of these two
		List<Long> hotOrder = new ArrayList<>();
		hot.forEach(item -> hotOrder.add(item.get("id").asLong()));
		assertThat(hotOrder).contains(liked);
		if (hotOrder.contains(newer)) {
			assertThat(hotOrder.indexOf(liked)).isLessThan(hotOrder.indexOf(newer));
		}
	}

	@Test
	void listsShareOnePaginationShape() {
		JsonNode page = api.get("/api/v1/threads?page=1&size=2", null).json();

		assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("totalItems").asLong()).isPositive();
		assertThat(page.get("totalPages").asInt()).isPositive();
		JsonNode boards = api.get("/api/v1/boards", null).json();
		assertThat(boards.get("items").size()).isGreaterThanOrEqualTo(4);
		assertThat(boards.get("totalItems").asLong()).isEqualTo(boards.get("items").size());
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		Response docs = api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/threads/{id}/accepted-answer")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/search")).isTrue();
	}

	private long start(Member author, String board, String title, String body) {
		return api.startThread(author, board, title, body);
	}
}
