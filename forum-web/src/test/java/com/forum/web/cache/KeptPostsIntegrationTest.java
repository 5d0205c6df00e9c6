package com.forum.web.cache;

import java.util.List;
import java.util.Map;

import com.forum.discussion.TopicId;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Browser;
import com.forum.web.ConcurrentIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in member's thread page is made of posts kept for every member who sees them alike
 * ({@link KeptFragments}): each member still sees their own likes, buttons and form token, and nobody sees a
 * reply as it was before an edit, a like or a moderator's action.
 */
@ConcurrentIntegrationTest
class KeptPostsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	KeptFragments kept;

	ApiClient api;

	Member author;

	long thread;

	long reply;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		author = api.newMember("kept-author");
		thread = api.startThread(author, "hyperos", "Replies kept for members", "Opening words.");
		reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A reply worth keeping."),
				author.token()).json().get("id").asLong();
	}

	@Test
	void membersShareKeptRepliesYetEachSeesTheirOwnTokenLikeAndButtons() {
		Member first = api.newMember("kept-first");
		Browser firstBrowser = new Browser(port).signIn(first);
		Browser secondBrowser = new Browser(port).signIn(api.newMember("kept-second"));
		Browser authorBrowser = new Browser(port).signIn(author);
		Document firstBefore = Jsoup.parse(firstBrowser.get(page()).body());
		Document secondBefore = Jsoup.parse(secondBrowser.get(page()).body());

		api.put("/api/v1/threads/" + thread + "/replies/" + reply + "/like", null, first.token());
		Document firstPage = Jsoup.parse(firstBrowser.get(page()).body());
		Document secondPage = Jsoup.parse(secondBrowser.get(page()).body());
		Document authorPage = Jsoup.parse(authorBrowser.get(page()).body());

		assertThat(tokens(firstBefore)).hasSize(1).doesNotContainAnyElementsOf(tokens(secondBefore));
		assertThat(tokens(secondPage)).hasSize(1);
		assertThat(likeButton(firstPage).hasClass("is-liked")).isTrue();
		assertThat(likeButton(firstPage).select(".like-count").text()).isEqualTo("1");
		assertThat(likeButton(secondPage).hasClass("is-liked")).isFalse();
		assertThat(likeButton(secondPage).select(".like-count").text()).isEqualTo("1");
		assertThat(replyOn(secondPage).select("a[href$=/edit]")).isEmpty();
		assertThat(replyOn(authorPage).select("a[href$=/replies/" + reply + "/edit]")).hasSize(1);
		assertThat(replyOn(authorPage).select("button.btn-like")).isEmpty();
		assertThat(authorPage.getElementById("post").select("a[href$=/threads/" + thread + "/edit]")).hasSize(1);
		assertThat(secondPage.getElementById("post").select("a[href$=/edit]")).isEmpty();
		assertThat(secondPage.getElementById("post").select("button.btn-like")).hasSize(1);
		// the token in a kept reply's form is the reader's own: their like goes through
		String like = "/threads/" + thread + "/replies/" + reply + "/like";
		assertThat(secondBrowser.post(like, "_csrf=" + Browser.enc(tokens(secondPage).getFirst())).statusCode())
			.isEqualTo(302);
	}

	@Test
	void aKeptPartIsUsedUntilSomethingItShowsChanges() {
		String tag = PageTags.topic(new TopicId(thread));
		KeptFragments.Reading rendering = kept.begin();
		rendering.shows(List.of(tag));
		rendering.keep("part " + thread, "<p>part</p>");
		KeptFragments.Reading later = kept.begin();
		later.shows(List.of(tag));
		assertThat(later.kept("part " + thread)).isEqualTo("<p>part</p>");

		api.put("/api/v1/threads/" + thread + "/replies/" + reply, Map.of("body", "Changed."), author.token());
		KeptFragments.Reading afterTheChange = kept.begin();
		afterTheChange.shows(List.of(tag));

		assertThat(afterTheChange.kept("part " + thread)).isNull();
	}

	/** The race: a change committed while the part was read is newer than the part, which is never kept. */
	@Test
	void aPartReadWhileAChangeWasCommittedIsNeverKept() {
		String tag = PageTags.topic(new TopicId(thread));
		KeptFragments.Reading rendering = kept.begin();

		api.put("/api/v1/threads/" + thread + "/replies/" + reply, Map.of("body", "Changed mid-read."), author.token());
		rendering.shows(List.of(tag));
		rendering.keep("raced " + thread, "<p>stale</p>");
		KeptFragments.Reading later = kept.begin();
		later.shows(List.of(tag));

		assertThat(later.kept("raced " + thread)).isNull();
	}

	@Test
	void anEditShowsAtOnceToMembers() {
		Browser member = new Browser(port).signIn(api.newMember("kept-reader"));
		assertThat(member.get(page()).body()).contains("A reply worth keeping.");

		assertThat(api.put("/api/v1/threads/" + thread + "/replies/" + reply, Map.of("body", "Edited words."),
				author.token()).status()).isEqualTo(200);

		assertThat(replyOn(Jsoup.parse(member.get(page()).body())).text()).contains("Edited words.")
			.doesNotContain("A reply worth keeping.");
	}

	@Test
	void aModeratorsHidingShowsAtOnceToMembersAndItsAuthor() {
		Browser member = new Browser(port).signIn(api.newMember("kept-other"));
		Browser authorBrowser = new Browser(port).signIn(author);
		member.get(page());
		authorBrowser.get(page());

		String moderator = api.token("moderator", "moderator-demo-2026");
		assertThat(api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/hide", Map.of("reason", "rude"),
				moderator).status()).isEqualTo(200);

		assertThat(replyOn(Jsoup.parse(member.get(page()).body())).text()).doesNotContain("A reply worth keeping.");
		assertThat(replyOn(Jsoup.parse(authorBrowser.get(page()).body())).select(".hidden-banner")).hasSize(1);
	}

	private String page() {
		return "/threads/" + thread;
	}

	private Element replyOn(Document page) {
		return page.getElementById("reply-" + reply);
	}

	private Element likeButton(Document page) {
		return replyOn(page).selectFirst("button.btn-like");
	}

	/** The distinct form tokens of a page: one, the same in every form of it. */
	private static List<String> tokens(Document page) {
		return page.select("input[name=_csrf]").eachAttr("value").stream().distinct().toList();
	}
}
