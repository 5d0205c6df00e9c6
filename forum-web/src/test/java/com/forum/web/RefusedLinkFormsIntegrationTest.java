package com.forum.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.points.Ledger;
import com.forum.reputation.Privileges;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who may not post links yet and sends a form with one gets the same form back with
 * everything they typed and a message naming the privilege, the reputation it needs and theirs
 * (403, nothing written), in their language; the API keeps its problem detail.
 */
@IntegrationTest
class RefusedLinkFormsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	Privileges privileges;

	@Autowired
	PasswordEncoder passwords;

	ApiClient api;

	long board;

	long needed;

	SeededMember newcomer;

	Browser browser;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		needed = privileges.needs(Privilege.POST_LINKS_IMAGES);
		newcomer = SeededMember.signable(db, passwords, "linkless", "MEMBER");
		Reputations.set(ledger, new MemberId(newcomer.id()), needed - 1);
		browser = new Browser(port).signIn(newcomer.username(), SeededMember.PASSWORD);
	}

	@Test
	void aNewThreadWithALinkComesBackWithItsTitleAndBodyAndWhatThePrivilegeNeeds() {
		String title = "Where to find the manual " + marker();
		String body = "It is here: https://www.mi.com/global/support " + marker();

		HttpResponse<String> page = browser.post("/boards/hyperos/threads",
				"title=" + enc(title) + "&body=" + enc(body) + "&_csrf=" + enc(browser.csrf()));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("action=\"/boards/hyperos/threads\"")
			.contains("value=\"" + title + "\"")
			.contains(">" + body + "</textarea>")
			.contains(englishRefusal());
		assertThat(count("select count(*) from topic where author_id = ?", newcomer.id())).isZero();
	}

	@Test
	void aReplyWithAnImageComesBackInTheMembersLanguage() {
		long thread = thread();
		String body = "截图：![截图](https://www.mi.com/shot.png) " + marker();
		Browser chinese = new Browser(port).speaking("zh-CN").signIn(newcomer.username(), SeededMember.PASSWORD);

		HttpResponse<String> page = chinese.post("/threads/" + thread + "/replies",
				"body=" + enc(body) + "&_csrf=" + enc(chinese.csrf()));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("action=\"/threads/" + thread + "/replies\"")
			.contains(">" + body + "</textarea>")
			.contains("发布链接和图片需要 %d 点声望，你现在有 %d 点。".formatted(needed, needed - 1));
		assertThat(count("select count(*) from reply where topic_id = ? and author_id = ?", thread, newcomer.id()))
			.isZero();
	}

	@Test
	void aPetitionWithALinkComesBackWithEveryField() {
		String title = "Scheduled dark mode " + marker();
		String description = "Like on https://www.mi.com/global/ " + marker();

		HttpResponse<String> page = browser.post("/petitions",
				"boardId=" + board + "&title=" + enc(title) + "&description=" + enc(description)
						+ "&deviceModel=Xiaomi+14&firmwareVersion=OS2.0.1&tags=display&_csrf=" + enc(browser.csrf()));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("action=\"/petitions#errors\"")
			.contains("value=\"" + title + "\"")
			.contains(">" + description + "</textarea>")
			.contains("value=\"Xiaomi 14\"")
			.contains("value=\"OS2.0.1\"")
			.contains(englishRefusal());
		assertThat(count("select count(*) from petition where author_id = ?", newcomer.id())).isZero();
	}

	@Test
	void editsOfTheMembersOwnThreadAndReplyKeepTheEditedText() {
		long thread = thread(newcomer.token());
		long reply = reply(thread, newcomer.token());
		String body = "Edited to point at https://www.mi.com/global/support " + marker();

		HttpResponse<String> threadEdit = browser.post("/threads/" + thread + "/edit",
				"title=" + enc("An edited title " + marker()) + "&body=" + enc(body) + "&_csrf=" + enc(browser.csrf()));
		HttpResponse<String> replyEdit = browser.post("/threads/" + thread + "/replies/" + reply + "/edit",
				"body=" + enc(body) + "&_csrf=" + enc(browser.csrf()));

		for (HttpResponse<String> page : java.util.List.of(threadEdit, replyEdit)) {
			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).contains(">" + body + "</textarea>").contains(englishRefusal());
		}
		assertThat(count("select count(*) from topic where id = ? and body like '%mi.com%'", thread)).isZero();
		assertThat(count("select count(*) from reply where id = ? and body like '%mi.com%'", reply)).isZero();
	}

	@Test
	void theApiKeepsItsProblemDetail() {
		Response refused = api.post("/api/v1/threads/" + thread() + "/replies",
				Map.of("body", "See https://www.mi.com/global/support"), newcomer.token());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/denied/privilege");
		assertThat(refused.json().get("privilege").asString()).isEqualTo("post-links-images");
	}

	private String englishRefusal() {
		return "Posting links and images needs %,d reputation; you have %,d.".formatted(needed, needed - 1);
	}

	private long thread() {
		return thread(SeededMember.create(db, "link-author", "MEMBER").token());
	}

	private long thread(String token) {
		Response created = api.post("/api/v1/threads",
				Map.of("boardId", board, "title", "A thread to answer " + marker(), "body", "Opening post"), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long reply(long thread, String token) {
		Response created = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A first reply"), token);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long count(String sql, Object... arguments) {
		return db.queryForObject(sql, Long.class, arguments);
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
