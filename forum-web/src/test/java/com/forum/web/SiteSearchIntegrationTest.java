package com.forum.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one search over threads, replies, petitions and members, through the API and the real index:
 * cross-field matching, phrases, typos, Chinese, facets, suggestions and what must never show.
 * Each test uses words no other content has, so the shared index's other documents do not count.
 */
@ConcurrentIntegrationTest
class SiteSearchIntegrationTest {

	private static final Duration INDEXED = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void everyWordMayMatchInTitleOrBodyAndQuotedWordsMustStandTogether() {
		Member author = api.newMember("flicker");
		String title = latinWord(9);
		String body = latinWord(9);
		long thread = api.startThread(author, "support", "Screen flickers at low brightness " + title,
				"Only below 30 percent: it must be the PWM dimming " + body + ".");
		Await.until(INDEXED, () -> total(search(body + " flickers")) == 1);

		JsonNode hit = search(title + " " + body).get("items").get(0);
		assertThat(hit.get("type").asString()).isEqualTo("thread");
		assertThat(hit.get("threadId").asLong()).isEqualTo(thread);
		assertThat(hit.get("titleHtml").asString()).contains("<mark>" + title + "</mark>");
		assertThat(hit.get("snippetHtml").asString()).contains("<mark>" + body + "</mark>");

		assertThat(total(search("\"low brightness\" " + title))).isEqualTo(1);
		assertThat(total(search("\"brightness low\" " + title))).isZero();
		JsonNode typed = search(typo(title, 4) + " flickers");
		assertThat(total(typed)).as("one typo in a long word is forgiven").isEqualTo(1);
		assertThat(typed.get("items").get(0).get("titleHtml").asString())
			.as("the word found through its typo is marked").contains("<mark>" + title + "</mark>");
	}

	@Test
	void aMisspeltWordBeyondTypoToleranceThatFindsNothingIsCorrectedAndItsResultsShown() {
		Member author = api.newMember("spell");
		// five letters: typo tolerance forgives one edit, the suggester looks two edits away
		String word = latinWord(5);
		long thread = api.startThread(author, "support", "Battery drains overnight " + word, "Even in flight mode.");
		Await.until(INDEXED, () -> total(search(word)) == 1);

		JsonNode results = search(typo(typo(word, 2), 4));

		assertThat(total(results)).isEqualTo(1);
		assertThat(results.get("items").get(0).get("threadId").asLong()).isEqualTo(thread);
		assertThat(results.get("didYouMean").asString()).isEqualTo(word);
		assertThat(results.get("corrected").asBoolean()).isTrue();
	}

	@Test
	void aWordThatFindsFewIsKeptAndACorrectionThatFindsMoreIsOffered() {
		String word = latinWord(5);
		String misspelt = typo(typo(word, 2), 4);
		api.startThread(api.newMember("fewer"), "support", "Camera blurs at night " + word, "Only indoors.");
		api.startThread(api.newMember("fewer"), "support", "Night mode " + word + " after the update",
				"Since the last build.");
		long literal = api.startThread(api.newMember("fewer"), "support", "Notes on " + misspelt,
				"Written as it is spelt.");
		Await.until(INDEXED, () -> total(search(word)) == 2 && total(search(misspelt)) == 1);

		JsonNode results = search(misspelt);

		assertThat(total(results)).isEqualTo(1);
		assertThat(results.get("items").get(0).get("threadId").asLong()).isEqualTo(literal);
		assertThat(results.get("didYouMean").asString()).isEqualTo(word);
		assertThat(results.get("corrected").asBoolean()).isFalse();
	}

	@Test
	void chineseWordsAreFoundHighlightedWholeAndCompletedAsTyped() {
		Member author = api.newMember("cjk");
		String word = hanWord(3);
		long thread = api.startThread(author, "hyperos", word + "息屏显示怎么关闭", "设置里找不到息屏选项，" + word + "。");
		Await.until(INDEXED, () -> total(search(word)) == 1);

		JsonNode hit = search(word + " 息屏").get("items").get(0);
		assertThat(hit.get("threadId").asLong()).isEqualTo(thread);
		// 息屏显示 is one of 息屏's synonyms (config/search/synonyms.txt), so it is marked whole too
		assertThat(hit.get("titleHtml").asString()).as("marks of words side by side join, other characters stay plain")
			.isEqualTo("<mark>" + word + "息屏显示</mark>怎么关闭");

		assertThat(suggestions(word)).contains(word + "息屏显示怎么关闭");
		assertThat(suggestions(word.substring(1) + "息屏")).as("a title containing what is typed")
			.contains(word + "息屏显示怎么关闭");
		assertThat(suggestions(word.substring(0, 2))).contains(word + "息屏显示怎么关闭");
	}

	@Test
	void threadsPetitionsAndMembersAreFoundTogetherAndFacetsCountUnderTheOtherFilters() {
		Member author = api.newMember("facets");
		String employee = api.token("employee", "employee-demo-2026");
		String word = latinWord(10);
		String tag = "tag-" + latinWord(6);
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		api.startThread(author, "hyperos", "Always-on display schedule " + word, "Can it follow sunset?");
		long petition = api.post("/api/v1/petitions", Map.of("boardId", board, "title", "Schedule the always-on display",
				"description", "Let it turn off at night " + word, "tags", new String[] { tag }), author.token())
			.json().get("id").asLong();
		String answer = latinWord(10);
		assertThat(api.post("/api/v1/petitions/" + petition + "/status",
				Map.of("status", "declined", "response", "Not this year: " + answer), employee).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/members/me/profile", Map.of("bio", "I tinker with " + word), author.token())
			.status()).isEqualTo(200);
		Await.until(INDEXED, () -> total(search(word)) == 3 && total(search(answer)) == 1);

		JsonNode all = search(word);
		assertThat(counts(all, "types")).containsEntry("thread", 1L).containsEntry("petition", 1L)
			.containsEntry("member", 1L);
		assertThat(counts(all, "statuses")).containsEntry("DECLINED", 1L);
		assertThat(counts(all, "tags")).containsEntry(tag, 1L);
		assertThat(counts(all, "times")).containsEntry("day", 3L).containsEntry("year", 3L);

		JsonNode petitions = api.get("/api/v1/search?q=" + word + "&type=petition&time=week", null).json();
		assertThat(total(petitions)).isEqualTo(1);
		JsonNode found = petitions.get("items").get(0);
		assertThat(found.get("petitionId").asLong()).isEqualTo(petition);
		assertThat(found.get("status").asString()).isEqualTo("DECLINED");
		assertThat(found.get("tags").get(0).asString()).isEqualTo(tag);
		assertThat(counts(petitions, "types")).as("switching type stays possible")
			.containsEntry("thread", 1L).containsEntry("member", 1L);

		JsonNode members = api.get("/api/v1/search?q=" + word + "&type=member", null).json();
		assertThat(members.get("items").get(0).get("author").asString()).isEqualTo(author.username());
		assertThat(members.get("items").get(0).get("snippetHtml").asString()).contains("<mark>" + word + "</mark>");

		JsonNode byResponse = search(answer).get("items").get(0);
		assertThat(byResponse.get("petitionId").asLong()).isEqualTo(petition);
		assertThat(byResponse.get("snippetHtml").asString()).contains("<mark>" + answer + "</mark>");
		assertThat(api.get("/api/v1/search?q=" + word + "&sort=votes&status=declined&tag=" + tag, null).json()
			.get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void aHiddenReplyShowsInNoResultFacetOrSuggestion() {
		Member author = api.newMember("hider");
		String moderator = SeededMember.create(jdbc, "moderator", "MODERATOR").token();
		String word = latinWord(8);
		long thread = api.startThread(author, "support", "Charging stops at eighty percent", "Is that normal?");
		long reply = api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "It protects the battery " + word), author.token()).json().get("id").asLong();
		Await.until(INDEXED, () -> total(search(word)) == 1);

		assertThat(api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/hide", Map.of("reason", "spam"),
				moderator).status()).isEqualTo(200);
		Await.until(INDEXED, () -> total(search(word)) == 0);

		JsonNode hidden = search(word);
		assertThat(hidden.get("items")).isEmpty();
		for (String facet : List.of("types", "boards", "statuses", "tags", "times")) {
			assertThat(hidden.get(facet)).as(facet).isEmpty();
		}
		assertThat(search(typo(typo(word, 2), 5)).get("didYouMean").isNull()).isTrue();
		assertThat(suggestions(word)).isEmpty();
		assertThat(api.page("/search?q=" + word)).doesNotContain(word + "</mark>");
	}

	@Test
	void membersWhoHaveNotConfirmedTheirAddressAreNotFound() {
		Member stranger = api.newUnconfirmedMember("hush" + latinWord(6));
		Member confirmed = api.newMember("seen" + latinWord(6));
		Await.until(INDEXED, () -> total(search(confirmed.username())) == 1);

		assertThat(total(search(stranger.username()))).isZero();
	}

	private JsonNode search(String query) {
		return api.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null).json();
	}

	private List<String> suggestions(String prefix) {
		JsonNode items = api.get("/api/v1/search/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8), null)
			.json()
			.get("items");
		List<String> titles = new ArrayList<>();
		items.forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}

	private static long total(JsonNode results) {
		return results.get("totalItems").asLong();
	}

	private static Map<String, Long> counts(JsonNode results, String facet) {
		Map<String, Long> counts = new java.util.HashMap<>();
		results.get(facet).forEach(f -> counts.put(f.get("value").asString(), f.get("count").asLong()));
		return counts;
	}

	/** Random letters no other document holds; they start with "q" and avoid vowels so no real word comes close. */
	private static String latinWord(int length) {
		String letters = "bcdfghjklmnpqrstvwxz";
		StringBuilder word = new StringBuilder("q");
		while (word.length() < length) {
			word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
		}
		return word.toString();
	}

	/** Rare Han characters (CJK Extension A), so no demo content holds the word. */
	private static String hanWord(int length) {
		StringBuilder word = new StringBuilder();
		while (word.length() < length) {
			word.append((char) (0x3400 + ThreadLocalRandom.current().nextInt(0x19B0)));
		}
		return word.toString();
	}

	/** The word with the letter at this position changed. */
	private static String typo(String word, int at) {
		char replaced = word.charAt(at) == 'y' ? 'w' : 'y';
		return word.substring(0, at) + replaced + word.substring(at + 1);
	}
}
