package com.forum.web.cache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import jakarta.servlet.http.HttpServletRequest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors are served kept pages, and never one that is stale after an edit, a like, a new reply, a
 * moderator's action or a change of reputation: against the real Redis that decides freshness for every node.
 */
@IntegrationTest
class PageCacheIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LocaleResolver locales;

	@Autowired
	PageCacheProperties properties;

	ApiClient api;

	String moderator;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		moderator = api.token("moderator", "moderator-demo-2026");
	}

	@Test
	void aVisitorIsServedTheKeptPageWhichCarriesNothingOfOneReader() {
		long thread = start(api.newMember("kept"), "hyperos", "Kept for every visitor", "The same for all.");

		HttpResponse<String> first = visit("/threads/" + thread);
		HttpResponse<String> second = visit("/threads/" + thread);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue(PageCache.HEADER)).isEmpty();
		assertThat(second.headers().firstValue(PageCache.HEADER)).contains("hit");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(second.headers().firstValue("Content-Language")).contains("en");
		assertThat(second.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(first.body()).doesNotContain("_csrf");
		assertThat(first.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void membersAndOtherLanguagesAreNeverServedAVisitorsPage() {
		Member member = api.newMember("reader");
		long thread = start(member, "hyperos", "Read by all kinds", "Body text.");
		visit("/threads/" + thread);
		visit("/threads/" + thread);

		Browser signedIn = new Browser(port).signIn(member);
		HttpResponse<String> memberPage = signedIn.get("/threads/" + thread);
		HttpResponse<String> chinese = new Browser(port).speaking("zh-CN").get("/threads/" + thread);

		assertThat(memberPage.headers().firstValue(PageCache.HEADER)).isEmpty();
		assertThat(memberPage.body()).contains(member.username()).contains("_csrf");
		assertThat(chinese.headers().firstValue(PageCache.HEADER)).isEmpty();
		assertThat(chinese.headers().firstValue("Content-Language")).contains("zh-CN");
	}

	@Test
	void aKeptPageIsServedOnlyToWhoAcceptsItsType() {
		long thread = start(api.newMember("typed"), "hyperos", "JSON for programs", "Body.");
		keep("/api/v1/threads/" + thread + "/replies");

		HttpResponse<String> asPage = new Browser(port).get("/api/v1/threads/" + thread + "/replies");

		assertThat(asPage.headers().firstValue(PageCache.HEADER)).isEmpty();
		assertThat(asPage.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("application/json");
	}

	@Test
	void anEditShowsAtOnce() {
		Member author = api.newMember("editor");
		long thread = start(author, "hyperos", "Before the edit", "The first words.");
		keep("/threads/" + thread);

		assertThat(api.put("/api/v1/threads/" + thread, Map.of("title", "After the edit", "body", "The second words."),
				author.token()).status()).isEqualTo(200);

		String page = visit("/threads/" + thread).body();
		assertThat(page).contains("After the edit", "The second words.").doesNotContain("The first words.");
	}

	@Test
	void aLikeShowsAtOnce() {
		Member author = api.newMember("liked");
		long thread = start(author, "hyperos", "Like this thread", "Worth a like.");
		keep("/threads/" + thread);

		assertThat(api.put("/api/v1/threads/" + thread + "/like", null, api.newMember("fan").token()).status())
			.isEqualTo(200);

		assertThat(likes(visit("/threads/" + thread).body())).isEqualTo("1");
	}

	@Test
	void aNewReplyShowsAtOnceOnTheThreadAndInItsJson() {
		Member author = api.newMember("asked");
		long thread = start(author, "hyperos", "Waiting for replies", "Anyone?");
		keep("/threads/" + thread);
		keep("/api/v1/threads/" + thread + "/replies");

		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Here is an answer."),
				api.newMember("answer").token());

		assertThat(visit("/threads/" + thread).body()).contains("Here is an answer.");
		assertThat(visit("/api/v1/threads/" + thread + "/replies").body()).contains("Here is an answer.");
	}

	@Test
	void aNewThreadShowsAtOnceOnItsBoardAndTheFrontPage() {
		keep("/boards/smart-home");
		keep("/");
		keep("/api/v1/threads");

		start(api.newMember("newest"), "smart-home", "The very newest thread", "Fresh.");

		assertThat(visit("/boards/smart-home").body()).contains("The very newest thread");
		assertThat(visit("/").body()).contains("The very newest thread");
		assertThat(visit("/api/v1/threads").body()).contains("The very newest thread");
	}

	@Test
	void aModeratorsActionShowsAtOnce() {
		Member author = api.newMember("rude");
		long thread = start(author, "hyperos", "A thread with a rude reply", "Keep it civil.");
		long reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Something rude here."),
				author.token()).json().get("id").asLong();
		assertThat(keep("/threads/" + thread)).contains("Something rude here.");

		assertThat(api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/hide",
				Map.of("reason", "rude"), moderator).status()).isEqualTo(200);
		String hidden = visit("/threads/" + thread).body();
		assertThat(api.put("/api/v1/threads/" + thread + "/lock", null, moderator).status()).isEqualTo(200);
		String locked = visit("/threads/" + thread).body();

		assertThat(hidden).doesNotContain("Something rude here.");
		assertThat(Jsoup.parse(locked).select(".badge-locked")).hasSize(1);
	}

	@Test
	void aChangeOfReputationShowsWhereverTheMemberAppears() {
		Member author = api.newMember("climber");
		long thread = start(author, "hyperos", "Reputation beside my name", "Watch my level.");
		Browser member = new Browser(port).signIn(api.newMember("watcher"));
		List<String> before = levels(member.get("/threads/" + thread).body());
		keep("/threads/" + thread);

		api.put("/api/v1/threads/" + thread + "/like", null, api.newMember("admirer").token());
		// reputation follows a like by a listener, after the like's own commit
		List<String> after = Await.value(Duration.ofSeconds(20), () -> levels(member.get("/threads/" + thread).body()),
				levels -> !levels.equals(before));

		assertThat(levels(visit("/threads/" + thread).body())).isEqualTo(after);
	}

	/** Another node with its own memory sees a change this node committed, through Redis alone. */
	@Test
	void aChangeOnOneNodeStopsEveryOtherNodeServingItsCopy() {
		Member author = api.newMember("cluster");
		long thread = start(author, "hyperos", "Read on two nodes", "Body.");
		PageCache otherNode = otherNode();
		String key = keepOn(otherNode, thread);
		assertThat(otherNode.fresh(key)).isNotNull();

		api.put("/api/v1/threads/" + thread, Map.of("title", "Edited on this node", "body", "Body."), author.token());

		assertThat(otherNode.fresh(key)).isNull();
	}

	/** The race a cache of rendered pages must win: a change committed while a page was being read. */
	@Test
	void aPageReadWhileAChangeWasCommittedIsNeverKept() {
		Member author = api.newMember("racer");
		long thread = start(author, "hyperos", "Changed mid-render", "Body.");
		PageCache otherNode = otherNode();
		CachedPage page = otherNode.begin();

		api.put("/api/v1/threads/" + thread, Map.of("title", "Changed meanwhile", "body", "Body."), author.token());
		String key = "race " + thread;
		keep(otherNode, key, page, thread);

		assertThat(otherNode.fresh(key)).isNull();
	}

	/** A Redis that lost its data starts its numbers over: no page checked against the old ones counts. */
	@Test
	void noPageIsServedAfterRedisLostItsNumbers() {
		long thread = start(api.newMember("epoch"), "hyperos", "Redis restarted", "Body.");
		PageCache otherNode = otherNode();
		String key = keepOn(otherNode, thread);

		redis.delete(PageVersions.EPOCH);

		assertThat(otherNode.fresh(key)).isNull();
		assertThat(otherNode.begin()).isNotNull();
	}

	private PageCache otherNode() {
		return new PageCache(new PageVersions(redis, properties.timeToLive().multipliedBy(2)),
				(LocaleContextResolver) locales, properties);
	}

	private String keepOn(PageCache node, long thread) {
		String key = "other node " + thread;
		keep(node, key, node.begin(), thread);
		return key;
	}

	private static void keep(PageCache node, String key, CachedPage page, long thread) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/threads/" + thread);
		request.setAttribute(CachedPage.ATTRIBUTE, page);
		CachedPage.dependsOn(request, List.of(PageTags.topic(new com.forum.discussion.TopicId(thread))));
		CachedPage.onEveryServe(request, (HttpServletRequest served) -> {
		});
		node.keep(key, page, 200, "text/html;charset=UTF-8", Locale.ENGLISH, "<p>page</p>".getBytes());
	}

	/** Visits a page until this node keeps it, and returns it. */
	private String keep(String path) {
		visit(path);
		HttpResponse<String> kept = visit(path);
		assertThat(kept.headers().firstValue(PageCache.HEADER)).as("kept: %s", path).contains("hit");
		return kept.body();
	}

	private static String likes(String page) {
		return Jsoup.parse(page).select(".post-actions .like-static").first().text().replace("♥", "").strip();
	}

	private static List<String> levels(String page) {
		return Jsoup.parse(page).select("span.level").eachAttr("title");
	}

	/** A visitor who keeps no cookies and takes any type (pages and JSON alike). */
	private HttpResponse<String> visit(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(api.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(path, ex);
		}
	}

	private long start(Member author, String board, String title, String body) {
		return api.startThread(author, board, title, body);
	}
}
