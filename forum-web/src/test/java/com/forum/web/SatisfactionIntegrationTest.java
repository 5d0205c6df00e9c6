package com.forum.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Satisfaction in one click: the asker rates the help once an answer is accepted, and may change
 * the rating; nobody else may. The author and the voters rate a petition once it has shipped or
 * been declined. Through the pages, in both languages and without JavaScript, and through the API
 * with its problem details.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String employee;

	long board;

	Member asker;

	Member helper;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		employee = api.token("employee", "employee-demo-2026");
		board = api.get("/api/v1/boards/support", null).json().get("id").asLong();
		asker = api.newMember("asker");
		helper = api.newMember("helper");
	}

	@Test
	void theAskerRatesTheHelpOnceAnAnswerIsAcceptedAndMayChangeIt() {
		long thread = question();
		long answer = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Restart it."),
				helper.token()).json().get("id").asLong();
		Browser askerBrowser = new Browser(port).speaking("zh-CN,zh;q=0.9").signIn(asker);

		// not solved yet: nothing to rate, and the API says why
		assertThat(askerBrowser.get("/threads/" + thread).body()).doesNotContain("rating-box");
		Response early = rate("threads", thread, 5, asker.token());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("type").asString()).isEqualTo("/problems/rules/question-not-solved");

		api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", answer), asker.token());

		String page = askerBrowser.get("/threads/" + thread).body();
		assertThat(page).contains("<html lang=\"zh-CN\"", "这个回答解决你的问题了吗？为本次帮助打个分吧。", "非常不满意", "非常满意",
				"name=\"rating\"", "action=\"/threads/" + thread + "/satisfaction\"");
		assertThat(page).doesNotContain("感谢你的评价");

		HttpResponse<String> rated = askerBrowser.post("/threads/" + thread + "/satisfaction",
				"rating=4&_csrf=" + enc(askerBrowser.csrf()));
		assertThat(rated.statusCode()).isEqualTo(302);
		assertThat(rated.headers().firstValue("Location").orElseThrow()).endsWith("/threads/" + thread + "#reply-" + answer);
		String thanked = askerBrowser.get("/threads/" + thread).body();
		assertThat(thanked).contains("感谢你的评价：", "<strong>满意</strong>", "点选其他选项即可修改。");
		assertThat(score("QUESTION", thread, asker)).isEqualTo(4);

		// changed, once by the page and once by the API
		askerBrowser.post("/threads/" + thread + "/satisfaction", "rating=2&_csrf=" + enc(askerBrowser.csrf()));
		assertThat(askerBrowser.get("/threads/" + thread).body()).contains("<strong>不满意</strong>");
		Response again = rate("threads", thread, 5, asker.token());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("rating").asInt()).isEqualTo(5);
		assertThat(again.json().get("satisfied").asBoolean()).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from satisfaction_rating where subject_kind = 'QUESTION' "
				+ "and subject_id = ?", Long.class, thread)).as("one rating per asker and thread").isEqualTo(1);
		assertThat(score("QUESTION", thread, asker)).isEqualTo(5);

		// a rating off the scale is told next to the choices, in the reader's language
		HttpResponse<String> offScale = askerBrowser.post("/threads/" + thread + "/satisfaction",
				"rating=9&_csrf=" + enc(askerBrowser.csrf()));
		assertThat(offScale.statusCode()).isEqualTo(302);
		assertThat(askerBrowser.get("/threads/" + thread).body())
			.contains("请从“非常不满意”到“非常满意”五个选项中选择一个。");
		assertThat(score("QUESTION", thread, asker)).isEqualTo(5);
		Browser english = new Browser(port).signIn(asker);
		english.post("/threads/" + thread + "/satisfaction", "_csrf=" + enc(english.csrf()));
		assertThat(english.get("/threads/" + thread).body()).contains(
				"Choose one of the five ratings, from very dissatisfied to very satisfied.",
				"Did this answer solve your problem?", "Thanks for your rating:", "<strong>Very satisfied</strong>");
	}

	@Test
	void nobodyButTheAskerRatesTheirQuestion() {
		long thread = question();
		long answer = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Reset the network."),
				helper.token()).json().get("id").asLong();
		api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", answer), asker.token());

		Browser helperBrowser = new Browser(port).speaking("zh-CN").signIn(helper);
		assertThat(helperBrowser.get("/threads/" + thread).body()).doesNotContain("rating-box");
		assertThat(new Browser(port).get("/threads/" + thread).body()).doesNotContain("rating-box");
		HttpResponse<String> refused = helperBrowser.post("/threads/" + thread + "/satisfaction",
				"rating=1&_csrf=" + enc(helperBrowser.csrf()));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("只有提问者本人可以为获得的帮助评分。");

		Response byHelper = rate("threads", thread, 1, helper.token());
		assertThat(byHelper.status()).isEqualTo(403);
		assertThat(byHelper.json().get("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(rate("threads", thread, 1, employee).status()).as("not even staff").isEqualTo(403);
		assertThat(rate("threads", thread, 1, null).status()).isEqualTo(401);
		HttpResponse<String> signedOut = new Browser(port).post("/threads/" + thread + "/satisfaction", "rating=1");
		assertThat(signedOut.statusCode()).as("no session, no CSRF token: refused").isIn(302, 403);
		assertThat(jdbc.queryForObject("select count(*) from satisfaction_rating where subject_kind = 'QUESTION' "
				+ "and subject_id = ?", Long.class, thread)).isZero();

		long discussion = api.post("/api/v1/threads", Map.of("boardId",
				api.get("/api/v1/boards/hyperos", null).json().get("id").asLong(), "title", "Just chatting here",
				"body", "hello"), asker.token()).json().get("id").asLong();
		Response notAQuestion = rate("threads", discussion, 3, asker.token());
		assertThat(notAQuestion.status()).isEqualTo(409);
		assertThat(notAQuestion.json().get("type").asString()).isEqualTo("/problems/rules/not-a-support-question");
	}

	@Test
	void theAuthorAndTheVotersRateAShippedPetitionAndNobodyElse() {
		Member author = api.newMember("idea");
		Member voter = api.newMember("fan");
		Member stranger = api.newMember("passer");
		long petition = api.post("/api/v1/petitions", Map.of("boardId", board, "title",
				"Battery health in settings " + UUID.randomUUID().toString().substring(0, 6), "description", "please"),
				author.token()).json().get("id").asLong();
		api.put("/api/v1/petitions/" + petition + "/vote", Map.of(), voter.token());
		api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "planned", "response", "Planned."),
				employee);

		Browser voterBrowser = new Browser(port).signIn(voter);
		assertThat(voterBrowser.get("/petitions/" + petition).body()).doesNotContain("rating-box");
		Response tooEarly = rate("petitions", petition, 5, voter.token());
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.json().get("type").asString()).isEqualTo("/problems/rules/petition-not-decided");

		String version = "OS3.9." + (System.nanoTime() % 100_000);
		long release = api.post("/api/v1/releases", Map.of("version", version), employee).json().get("id").asLong();
		api.post("/api/v1/releases/" + release + "/petitions", Map.of("petitionId", petition, "response", "Done."),
				employee);
		assertThat(api.post("/api/v1/releases/" + release + "/publish", null, employee).status()).isEqualTo(200);

		String page = voterBrowser.get("/petitions/" + petition).body();
		assertThat(page).contains("This suggestion has shipped. How happy are you with the outcome?", "Very satisfied",
				"action=\"/petitions/" + petition + "/satisfaction\"");
		HttpResponse<String> rated = voterBrowser.post("/petitions/" + petition + "/satisfaction",
				"rating=5&_csrf=" + enc(voterBrowser.csrf()));
		assertThat(rated.headers().firstValue("Location").orElseThrow()).endsWith("/petitions/" + petition + "#rating");
		assertThat(voterBrowser.get("/petitions/" + petition).body()).contains("Thanks for your rating:",
				"aria-pressed=\"true\"");
		assertThat(score("PETITION", petition, voter)).isEqualTo(5);

		String chinese = new Browser(port).speaking("zh-CN").signIn(author).get("/petitions/" + petition).body();
		assertThat(chinese).contains("这条建议已上线，你对结果满意吗？");
		assertThat(rate("petitions", petition, 3, author.token()).status()).isEqualTo(200);
		assertThat(score("PETITION", petition, author)).isEqualTo(3);

		assertThat(new Browser(port).signIn(stranger).get("/petitions/" + petition).body()).doesNotContain("rating-box");
		assertThat(rate("petitions", petition, 5, stranger.token()).status()).isEqualTo(403);
		assertThat(rate("petitions", petition, 5, employee).status()).isEqualTo(403);
	}

	Stream<Arguments> mistakes() {
		return Stream.of(Arguments.of("rating above the scale", "threads", "THREAD", "{\"rating\":6}", 400,
				"/problems/validation"),
				Arguments.of("rating below the scale", "petitions", "PETITION", "{\"rating\":0}", 400,
						"/problems/validation"),
				Arguments.of("no rating", "threads", "THREAD", "{}", 400, "/problems/validation"),
				Arguments.of("rating as words", "threads", "THREAD", "{\"rating\":\"great\"}", 400,
						"/problems/malformed-request"),
				Arguments.of("unknown thread", "threads", "999999999", "{\"rating\":4}", 404, "/problems/not-found"),
				Arguments.of("unknown petition", "petitions", "999999999", "{\"rating\":4}", 404,
						"/problems/not-found"),
				Arguments.of("non-numeric id", "threads", "abc", "{\"rating\":4}", 400,
						"/problems/invalid-parameter"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void aBadRatingGetsAProblemDetailAndWritesNothing(String what, String kind, String id, String body, int status,
			String type) {
		long thread = question();
		long petition = api.post("/api/v1/petitions", Map.of("boardId", board, "title", "Rated wrong " + what,
				"description", "x"), asker.token()).json().get("id").asLong();
		long before = jdbc.queryForObject("select count(*) from satisfaction_rating", Long.class);

		Response response = api.sendRaw("PUT", "/api/v1/" + kind + "/"
				+ id.replace("THREAD", Long.toString(thread)).replace("PETITION", Long.toString(petition))
				+ "/satisfaction", body, "application/json", asker.token());

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).isEqualTo(type);
		if (type.equals("/problems/validation")) {
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("rating");
		}
		assertThat(jdbc.queryForObject("select count(*) from satisfaction_rating", Long.class)).isEqualTo(before);
	}

	private long question() {
		return api.post("/api/v1/threads", Map.of("boardId", board, "title",
				"My phone will not charge " + UUID.randomUUID().toString().substring(0, 6), "body", "Help?"),
				asker.token()).json().get("id").asLong();
	}

	private Response rate(String kind, long id, int rating, String token) {
		return api.put("/api/v1/" + kind + "/" + id + "/satisfaction", Map.of("rating", rating), token);
	}

	private int score(String kind, long subject, Member member) {
		return jdbc.queryForObject("""
				select r.score from satisfaction_rating r join member m on m.id = r.member_id
				where r.subject_kind = ? and r.subject_id = ? and m.username = ?""", Integer.class, kind, subject,
				member.username());
	}
}
