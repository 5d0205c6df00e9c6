package com.forum.web;

import java.util.Map;
import java.util.stream.Stream;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest {

	private static final String MEGABYTE = "x".repeat(1024 * 1024);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	Member member;

	String moderator;

	long board;

	long thread;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		member = api.newMember("careless");
		moderator = SeededMember.create(jdbc, "hasty", "MODERATOR").token();
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "A valid thread", "body", "ok"),
				member.token()).json().get("id").asLong();
	}

	Stream<Arguments> mistakes() {
		return Stream.of(
				Arguments.of("missing fields", "POST", "/api/v1/threads", "{}", "application/json", 400,
						"/problems/validation"),
				Arguments.of("missing title", "POST", "/api/v1/threads", "{\"boardId\":BOARD,\"body\":\"b\"}",
						"application/json", 400, "/problems/validation"),
				// refused before it is read: larger than forum.security.max-request-body
				Arguments.of("one-megabyte title", "POST", "/api/v1/threads",
						"{\"boardId\":BOARD,\"title\":\"" + MEGABYTE + "\",\"body\":\"b\"}", "application/json", 413,
						"/problems/payload-too-large"),
				Arguments.of("blank body", "POST", "/api/v1/threads",
						"{\"boardId\":BOARD,\"title\":\"Title ok\",\"body\":\"   \"}", "application/json", 400,
						"/problems/validation"),
				Arguments.of("unknown board", "POST", "/api/v1/threads",
						"{\"boardId\":999999,\"title\":\"Title ok\",\"body\":\"b\"}", "application/json", 400,
						"/problems/validation"),
				Arguments.of("malformed JSON", "POST", "/api/v1/threads", "{\"boardId\": 1, \"title\": ",
						"application/json", 400, "/problems/malformed-request"),
				Arguments.of("wrong type", "POST", "/api/v1/threads",
						"{\"boardId\":\"phone\",\"title\":\"Title ok\",\"body\":\"b\"}", "application/json", 400,
						"/problems/malformed-request"),
				Arguments.of("array instead of object", "POST", "/api/v1/threads", "[1,2,3]", "application/json", 400,
						"/problems/malformed-request"),
				Arguments.of("not JSON at all", "POST", "/api/v1/threads", "title=hello", "text/plain", 415,
						"/problems/unsupported-media-type"),
				Arguments.of("empty body", "POST", "/api/v1/threads", "", "application/json", 400,
						"/problems/malformed-request"),
				Arguments.of("reply to unknown thread", "POST", "/api/v1/threads/999999/replies", "{\"body\":\"b\"}",
						"application/json", 404, "/problems/not-found"),
				Arguments.of("non-numeric thread id", "GET", "/api/v1/threads/abc", null, null, 400,
						"/problems/invalid-parameter"),
				Arguments.of("page zero", "GET", "/api/v1/threads?page=0", null, null, 400, "/problems/validation"),
				Arguments.of("huge page size", "GET", "/api/v1/threads?size=100000", null, null, 400,
						"/problems/validation"),
				Arguments.of("unknown sort", "GET", "/api/v1/threads?sort=sideways", null, null, 400,
						"/problems/validation"),
				Arguments.of("quote from elsewhere", "POST", "/api/v1/threads/THREAD/replies",
						"{\"body\":\"b\",\"quotedReplyId\":999999}", "application/json", 400, "/problems/validation"),
				Arguments.of("unknown address", "GET", "/api/v1/nothing-here", null, null, 404, "/problems/not-found"),
				Arguments.of("wrong method", "PATCH", "/api/v1/boards", "{}", "application/json", 405,
						"/problems/method-not-allowed"),
				Arguments.of("unknown leaderboard", "GET", "/api/v1/leaderboards?kind=karma", null, null, 400,
						"/problems/validation"),
				Arguments.of("unknown leaderboard period", "GET", "/api/v1/leaderboards?period=fortnight", null, null,
						400, "/problems/validation"),
				Arguments.of("overlong search", "GET", "/api/v1/search?q=" + "a".repeat(300), null, null, 400,
						"/problems/validation"),
				// search: type, sort, time and petition status filters
				Arguments.of("unknown search type", "GET", "/api/v1/search?q=battery&type=thread,poem", null, null, 400,
						"/problems/validation"),
				Arguments.of("unknown search sort", "GET", "/api/v1/search?q=battery&sort=loudest", null, null, 400,
						"/problems/validation"),
				Arguments.of("bad search time range", "GET", "/api/v1/search?q=battery&time=decade", null, null, 400,
						"/problems/validation"),
				Arguments.of("unknown search status", "GET", "/api/v1/search?q=battery&status=lost", null, null, 400,
						"/problems/validation"),
				Arguments.of("overlong suggestion prefix", "GET", "/api/v1/search/suggest?q=" + "a".repeat(300), null,
						null, 400, "/problems/validation"),
				Arguments.of("short password", "POST", "/api/v1/members",
						"{\"username\":\"shorty\",\"email\":\"s@x.example\",\"password\":\"short\"}", "application/json",
						400, "/problems/validation"),
				Arguments.of("common password", "POST", "/api/v1/members",
						"{\"username\":\"weakling\",\"email\":\"w@x.example\",\"password\":\"password1234\"}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("look-alike of admin", "POST", "/api/v1/members",
						"{\"username\":\"\u0430dmin\",\"email\":\"a@x.example\",\"password\":\"sunset over the bay\"}",
						"application/json", 409, "/problems/rules/username-look-alike"),
				Arguments.of("unknown confirmation link", "POST", "/api/v1/auth/email-confirmations",
						"{\"token\":\"" + "A".repeat(43) + "\"}", "application/json", 400, "/problems/validation"),
				Arguments.of("confirmation without a token", "POST", "/api/v1/auth/email-confirmations", "{}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("reset without an address", "POST", "/api/v1/auth/password-resets", "{}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("new password with an unknown link", "POST", "/api/v1/auth/new-passwords",
						"{\"token\":\"" + "B".repeat(43) + "\",\"newPassword\":\"sunset over the bay\"}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("wrong current password", "PUT", "/api/v1/members/me/password",
						"{\"currentPassword\":\"not it at all\",\"newPassword\":\"sunset over the bay\"}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("weak new password", "PUT", "/api/v1/members/me/password",
						"{\"currentPassword\":\"not it at all\",\"newPassword\":\"12345678\"}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("revoke an unknown token", "DELETE", "/api/v1/members/me/tokens/999999999", null, null,
						404, "/problems/not-found"),
				Arguments.of("unknown notification channel", "PUT", "/api/v1/notifications/preferences",
						"{\"channels\":{\"reply\":\"loud\"}}", "application/json", 400, "/problems/validation"),
				Arguments.of("unknown notification kind", "PUT", "/api/v1/notifications/preferences",
						"{\"channels\":{\"gossip\":\"off\"}}", "application/json", 400, "/problems/validation"),
				Arguments.of("notification preferences without channels", "PUT", "/api/v1/notifications/preferences",
						"{}", "application/json", 400, "/problems/validation"),
				Arguments.of("name suggestions without a prefix", "GET", "/api/v1/members/suggestions?prefix=", null,
						null, 400, "/problems/validation"),
				Arguments.of("overlong name prefix", "GET", "/api/v1/members/suggestions?prefix=" + "m".repeat(40), null,
						null, 400, "/problems/validation"),
				// polls and bookmarks
				Arguments.of("poll closing at no date", "POST", "/api/v1/threads",
						"{\"boardId\":BOARD,\"title\":\"Title ok\",\"body\":\"b\",\"poll\":{\"question\":\"Q?\","
								+ "\"options\":[\"A\",\"B\"],\"closesAt\":\"next week\"}}",
						"application/json", 400, "/problems/malformed-request"),
				Arguments.of("poll with one option", "POST", "/api/v1/threads",
						"{\"boardId\":BOARD,\"title\":\"Title ok\",\"body\":\"b\",\"poll\":{\"question\":\"Q?\","
								+ "\"options\":[\"A\"]}}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("poll added to another's thread", "POST", "/api/v1/threads/999999/poll",
						"{\"question\":\"Q?\",\"options\":[\"A\",\"B\"]}", "application/json", 404,
						"/problems/not-found"),
				Arguments.of("vote in a thread without a poll", "PUT", "/api/v1/threads/THREAD/poll/vote",
						"{\"optionIds\":[1]}", "application/json", 404, "/problems/not-found"),
				Arguments.of("vote naming options in words", "PUT", "/api/v1/threads/THREAD/poll/vote",
						"{\"optionIds\":[\"yes\"]}", "application/json", 400, "/problems/malformed-request"),
				Arguments.of("bookmark of an unknown reply", "PUT", "/api/v1/bookmarks/replies/999999", null, null, 404,
						"/problems/not-found"),
				Arguments.of("bookmarks page zero", "GET", "/api/v1/bookmarks?page=0", null, null, 400,
						"/problems/validation"),
				// watching, new and unread, following, profile fields
				Arguments.of("unknown watching level", "PUT", "/api/v1/threads/THREAD/notification-level",
						"{\"level\":\"loud\"}", "application/json", 400, "/problems/validation"),
				Arguments.of("watching level without a level", "PUT", "/api/v1/boards/hyperos/notification-level", "{}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("watching an unknown thread", "PUT", "/api/v1/threads/999999/notification-level",
						"{\"level\":\"watching\"}", "application/json", 404, "/problems/not-found"),
				Arguments.of("unread page zero", "GET", "/api/v1/threads/unread?page=0", null, null, 400,
						"/problems/validation"),
				Arguments.of("following nobody", "PUT", "/api/v1/members/nobody-at-all-here/follow", null, null, 404,
						"/problems/not-found"),
				Arguments.of("unknown device", "PUT", "/api/v1/members/me/profile", "{\"device\":\"Nokia 3310\"}",
						"application/json", 400, "/problems/validation"),
				Arguments.of("signature of two lines", "PUT", "/api/v1/members/me/profile",
						"{\"signature\":\"one\\ntwo\"}", "application/json", 400, "/problems/validation"),
				Arguments.of("overlong bio", "PUT", "/api/v1/members/me/profile",
						"{\"bio\":\"" + "b".repeat(501) + "\"}", "application/json", 400, "/problems/validation"));
	}

	/** Flags, hiding and the review queue, sent by a moderator, who holds every privilege they need. */
	Stream<Arguments> moderationMistakes() {
		String flags = "/api/v1/threads/THREAD/flags";
		return Stream.of(
				Arguments.of("flag without a reason", "POST", flags, "{}", 400, "/problems/validation"),
				Arguments.of("unknown flag reason", "POST", flags, "{\"reason\":\"boring\"}", 400,
						"/problems/validation"),
				Arguments.of("flag note too long", "POST", flags,
						"{\"reason\":\"spam\",\"note\":\"" + "x".repeat(501) + "\"}", 400, "/problems/validation"),
				Arguments.of("other without a note", "POST", flags, "{\"reason\":\"other\"}", 400,
						"/problems/validation"),
				Arguments.of("flag of an unknown thread", "POST", "/api/v1/threads/999999/flags",
						"{\"reason\":\"spam\"}", 404, "/problems/not-found"),
				Arguments.of("flag of an unknown reply", "POST", "/api/v1/threads/THREAD/replies/999999/flags",
						"{\"reason\":\"spam\"}", 404, "/problems/not-found"),
				Arguments.of("hide for an unknown reason", "POST", "/api/v1/threads/THREAD/hide",
						"{\"reason\":\"ugly\"}", 400, "/problems/validation"),
				Arguments.of("keep an unknown reply", "POST", "/api/v1/moderation/replies/999999/keep", "{}", 404,
						"/problems/not-found"),
				Arguments.of("remove an unknown thread", "POST", "/api/v1/moderation/threads/999999/remove", "{}", 404,
						"/problems/not-found"),
				Arguments.of("queue page zero", "GET", "/api/v1/moderation/queue?page=0", null, 400,
						"/problems/validation"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("moderationMistakes")
	void aModerationMistakeGetsAProblemDetailAndWritesNothing(String what, String method, String path, String body,
			int status, String type) {
		aMistakeGetsAProblemDetailAndWritesNothing(what, method, path, body, body == null ? null : "application/json",
				status, type, moderator);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void aMistakeGetsAProblemDetailAndWritesNothing(String what, String method, String path, String body,
			String contentType, int status, String type) {
		aMistakeGetsAProblemDetailAndWritesNothing(what, method, path, body, contentType, status, type,
				member.token());
	}

	private void aMistakeGetsAProblemDetailAndWritesNothing(String what, String method, String path, String body,
			String contentType, int status, String type, String token) {
		long before = rows();

		Response response = api.sendRaw(method, path.replace("THREAD", Long.toString(thread)),
				body == null ? null : body.replace("BOARD", Long.toString(board)), contentType, token);

		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.json().get("type").asString()).isEqualTo(type);
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		if (type.equals("/problems/validation")) {
			assertThat(response.json().get("errors").size()).isPositive();
			assertThat(response.json().get("errors").get(0).get("field").asString()).isNotBlank();
		}
		assertThat(rows()).isEqualTo(before);
	}

	private long rows() {
		return jdbc.queryForObject(
				"select (select count(*) from topic) + (select count(*) from reply) + (select count(*) from member)"
						+ " + (select count(*) from post_flag) + (select count(*) from topic where hidden_at is not null)",
				Long.class);
	}
}
