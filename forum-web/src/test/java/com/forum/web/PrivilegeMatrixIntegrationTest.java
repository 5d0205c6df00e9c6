package com.forum.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.points.Ledger;
import com.forum.reputation.Privileges;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action a privilege protects, tried on the API and on the pages by a member whose reputation
 * is one short of the privilege's threshold (refused with a 403 naming the privilege, the reputation
 * it needs and the member's own, and nothing written) and by one exactly at it (done). The
 * thresholds are read from the ladder, so the matrix follows the configuration.
 */
@ConcurrentIntegrationTest
class PrivilegeMatrixIntegrationTest {


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

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Action action : Action.values()) {
			for (Surface surface : Surface.values()) {
				cases.add(Arguments.of(action, surface));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} on the {1}")
	@MethodSource("matrix")
	void oneShortOfTheThresholdIsRefusedAndAtItTheActionIsDone(Action action, Surface surface) {
		long needed = privileges.needs(action.privilege);
		Member author = member("author", 0);

		Member below = member("below", needed - 1);
		Target refusedTarget = action.prepare(this, author);
		Outcome refused = attempt(action, surface, refusedTarget, below);
		assertThat(refused.status()).as("%s by a member one short: %s", action, refused.body()).isEqualTo(403);
		if (surface == Surface.API) {
			JsonNode problem = refused.json();
			assertThat(problem.get("type").asString()).isEqualTo("/problems/denied/privilege");
			assertThat(problem.get("privilege").asString()).isEqualTo(action.privilege.id());
			assertThat(problem.get("requiredReputation").asLong()).isEqualTo(needed);
			assertThat(problem.get("reputation").asLong()).isEqualTo(needed - 1);
			assertThat(problem.get("detail").asString()).endsWith("needs %,d reputation; you have %,d.".formatted(needed,
					needed - 1));
		}
		else {
			assertThat(refused.body()).contains("needs %,d reputation; you have %,d.".formatted(needed, needed - 1));
		}
		assertThat(action.done(this, refusedTarget, below)).as("nothing written for the refused member").isFalse();

		Member at = member("at", needed);
		Target allowedTarget = action.prepare(this, author);
		Outcome allowed = attempt(action, surface, allowedTarget, at);
		assertThat(allowed.status()).as("%s by a member at the threshold: %s", action, allowed.body())
			.isEqualTo(surface == Surface.API ? action.created : 302);
		assertThat(action.done(this, allowedTarget, at)).isTrue();
	}

	@Test
	void theRefusalSpeaksTheMembersLanguageAndThePageExplainsTheDisabledVote() {
		Member below = member("zh", -5);
		db.update("update member set language = 'zh-CN' where username = ?", below.username());
		long petition = petition(member("author", 0), "Dark mode on a schedule");

		Response refused = api.put("/api/v1/petitions/" + petition + "/vote", Map.of(), below.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).isEqualTo("投票需要 0 点声望，你现在有 -5 点。");

		Browser browser = browser(below, "zh-CN");
		String shown = browser.get("/petitions/" + petition).body();
		assertThat(shown).contains("投票需要 0 点声望，你现在有 -5 点。").contains("aria-describedby=\"vote-hint\"");
		HttpResponse<String> page = browser.post("/petitions/" + petition + "/vote",
				"deviceModel=&_csrf=" + enc(browser.csrf()));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("投票需要 0 点声望，你现在有 -5 点。");
	}

	@Test
	void staffHoldEveryPrivilegeWhateverTheirReputation() {
		Member moderator = member("moderator", -100, "MODERATOR");
		Member author = member("author", 0);
		long thread = thread(author, "A thread for the staff");
		long reply = reply(author, thread, "Something to tidy up");
		assertThat(api.put("/api/v1/threads/" + thread + "/like", Map.of(), moderator.token()).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/threads/" + thread + "/replies/" + reply,
				Map.of("body", "Tidied, see <https://www.mi.com/>"), moderator.token()).status()).isEqualTo(200);
		long petition = petition(author, "Staff may review this");
		assertThat(api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "under_review"),
				moderator.token()).status()).isEqualTo(200);
	}

	@Test
	void aMembersHelpWithTriageCarriesNoOfficialWordsAndBadInputIsRefusedWithoutAChange() {
		Member helper = member("helper", privileges.needs(Privilege.MARK_DUPLICATES));
		Member author = member("author", 0);
		long petition = petition(author, "Helped along");
		long original = petition(author, "The original");

		Response withWords = api.post("/api/v1/petitions/" + petition + "/status",
				Map.of("status", "under_review", "response", "Looks good to me"), helper.token());
		Response noOriginal = api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "duplicate"),
				helper.token());
		Response itself = api.post("/api/v1/petitions/" + petition + "/status",
				Map.of("status", "duplicate", "duplicateOfId", petition), helper.token());
		Response planned = api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "planned"),
				helper.token());

		assertThat(List.of(withWords, noOriginal, itself)).allSatisfy(refused -> {
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.json().get("type").asString()).isEqualTo("/problems/validation");
		});
		assertThat(withWords.json().get("errors").get(0).get("field").asString()).isEqualTo("response");
		assertThat(planned.status()).isEqualTo(403);
		assertThat(planned.json().get("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(status(petition)).isEqualTo("SUBMITTED");

		assertThat(api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "under_review"),
				helper.token()).status()).isEqualTo(200);
		JsonNode history = api.get("/api/v1/petitions/" + petition + "/history", null).json().get("items");
		assertThat(history.get(history.size() - 1).get("official").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/petitions/" + petition + "/status",
				Map.of("status", "duplicate", "duplicateOfId", original), helper.token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/petitions/" + original, null).json().get("votes").asLong()).isEqualTo(1);
	}

	@Test
	void theApiTellsAMemberWhereTheyStandAndWhatTheirDayAllows() {
		Member member = member("standing", 12);
		JsonNode standing = api.get("/api/v1/members/me/privileges", member.token()).json();

		assertThat(standing.get("reputation").asLong()).isEqualTo(12);
		assertThat(standing.get("level").asString()).isEqualTo("Lv1");
		Map<String, Boolean> held = new LinkedHashMap<>();
		standing.get("privileges").forEach(p -> held.put(p.get("id").asString(), p.get("held").asBoolean()));
		assertThat(held).containsEntry("post-links-images", true).containsEntry("flag-posts", false);
		assertThat(standing.get("privileges").get(0).get("requiredReputation").asLong()).isZero();
		assertThat(standing.get("quotas").get("items").get(0).get("quota").asString()).isEqualTo("threads");
		assertThat(standing.get("quotas").get("items").get(0).get("limit").asInt()).isPositive();
		assertThat(api.get("/api/v1/members/me/privileges", null).status()).isEqualTo(401);
		assertThat(api.get("/privileges", null).status()).isEqualTo(200);
	}

	@Test
	void anAnonymousCallIsAskedToSignInBeforeAnyPrivilegeIsWeighed() {
		Member author = member("author", 0);
		long thread = thread(author, "Seen by a visitor");
		long petition = petition(author, "Seen by a visitor");

		Response like = api.put("/api/v1/threads/" + thread + "/like", Map.of(), null);
		Response vote = api.put("/api/v1/petitions/" + petition + "/vote", Map.of(), null);
		Browser visitor = new Browser(port);
		HttpResponse<String> page = visitor.post("/threads/" + thread + "/like", "_csrf=" + enc(visitor.csrf()));

		assertThat(List.of(like, vote)).allSatisfy(refused -> {
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.json().get("type").asString()).isEqualTo("/problems/unauthorized");
		});
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	Member member(String prefix, long reputation) {
		return member(prefix, reputation, "MEMBER");
	}

	Member member(String prefix, long reputation, String role) {
		SeededMember seeded = SeededMember.signable(db, passwords, "matrix-" + prefix, role);
		Reputations.set(ledger, new MemberId(seeded.id()), reputation);
		return new Member(seeded.username(), SeededMember.PASSWORD, seeded.token());
	}

	private Browser browser(Member member, String language) {
		return new Browser(port).speaking(language).signIn(member);
	}

	long thread(Member author, String title) {
		Response created = api.post("/api/v1/threads",
				Map.of("boardId", board, "title", title + " " + UUID.randomUUID().toString().substring(0, 6), "body",
						"Opening post"), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	long reply(Member author, long thread, String body) {
		Response created = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", body), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	long petition(Member author, String title) {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("boardId", board);
		draft.put("title", title + " " + UUID.randomUUID().toString().substring(0, 6));
		draft.put("description", "Please consider it.");
		draft.put("tags", Set.of("matrix"));
		Response created = api.post("/api/v1/petitions", draft, author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Outcome attempt(Action action, Surface surface, Target target, Member actor) {
		if (surface == Surface.API) {
			Response response = action.api.apply(new Call(api, target, actor));
			return new Outcome(response.status(), response.body(), response);
		}
		Browser browser = browser(actor, "en");
		Page page = action.page.apply(target);
		HttpResponse<String> response = browser.post(page.path(), page.form() + "&_csrf=" + enc(browser.csrf()));
		return new Outcome(response.statusCode(), response.body(), null);
	}

	enum Surface {
		API, PAGES
	}

	/** What an action is done to: a thread, a reply in it, a petition and another it may duplicate. */
	record Target(long thread, long reply, long petition, long original) {
	}

	record Call(ApiClient api, Target target, Member actor) {
	}

	record Page(String path, String form) {
	}

	record Outcome(int status, String body, Response response) {

		JsonNode json() {
			return response.json();
		}
	}

	/** The protected actions, each on the API and on the pages, and how to tell it was done. */
	enum Action {

		VOTE_ON_A_PETITION(Privilege.VOTE_PETITIONS, 200,
				c -> c.api().put("/api/v1/petitions/" + c.target().petition() + "/vote", Map.of(), c.actor().token()),
				t -> new Page("/petitions/" + t.petition() + "/vote", "deviceModel=")) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from petition_vote v join member m on m.id = v.member_id "
						+ "where v.petition_id = ? and m.username = ?", target.petition(), actor.username()) == 1;
			}
		},

		LIKE_A_POST(Privilege.LIKE_POSTS, 200,
				c -> c.api().put("/api/v1/threads/" + c.target().thread() + "/like", Map.of(), c.actor().token()),
				t -> new Page("/threads/" + t.thread() + "/like", "x=1")) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from post_like l join member m on m.id = l.member_id "
						+ "where l.post_kind = 'TOPIC' and l.post_id = ? and m.username = ?", target.thread(),
						actor.username()) == 1;
			}
		},

		REPLY_WITH_A_LINK(Privilege.POST_LINKS_IMAGES, 201,
				c -> c.api().post("/api/v1/threads/" + c.target().thread() + "/replies",
						Map.of("body", "The manual: https://www.mi.com/global/support"), c.actor().token()),
				t -> new Page("/threads/" + t.thread() + "/replies",
						"body=" + enc("![screenshot](https://www.mi.com/shot.png)"))) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from reply r join member m on m.id = r.author_id "
						+ "where r.topic_id = ? and m.username = ?", target.thread(), actor.username()) == 1;
			}
		},

		PUT_A_PETITION_UNDER_REVIEW(Privilege.HELP_TRIAGE, 200,
				c -> c.api().post("/api/v1/petitions/" + c.target().petition() + "/status",
						Map.of("status", "under_review"), c.actor().token()),
				t -> new Page("/petitions/" + t.petition() + "/status", "status=UNDER_REVIEW")) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.status(target.petition()).equals("UNDER_REVIEW");
			}
		},

		EDIT_ANOTHER_MEMBERS_REPLY(Privilege.EDIT_OTHERS_POSTS, 200,
				c -> c.api().put("/api/v1/threads/" + c.target().thread() + "/replies/" + c.target().reply(),
						Map.of("body", "Wiki-edited by " + c.actor().username()), c.actor().token()),
				t -> new Page("/threads/" + t.thread() + "/replies/" + t.reply() + "/edit",
						"body=" + enc("Wiki-edited on the page"))) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from reply where id = ? and body like 'Wiki-edited%'",
						target.reply()) == 1;
			}
		},

		FLAG_A_REPLY(Privilege.FLAG_POSTS, 200,
				c -> c.api().post("/api/v1/threads/" + c.target().thread() + "/replies/" + c.target().reply() + "/flags",
						Map.of("reason", "spam"), c.actor().token()),
				t -> new Page("/threads/" + t.thread() + "/replies/" + t.reply() + "/flag", "reason=spam&note=")) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from post_flag f join member m on m.id = f.flagger_id "
						+ "where f.post_kind = 'REPLY' and f.post_id = ? and m.username = ?", target.reply(),
						actor.username()) == 1;
			}
		},

		HIDE_A_REPLY(Privilege.HIDE_POSTS, 200,
				c -> c.api().post("/api/v1/threads/" + c.target().thread() + "/replies/" + c.target().reply() + "/hide",
						Map.of("reason", "rude"), c.actor().token()),
				t -> new Page("/threads/" + t.thread() + "/replies/" + t.reply() + "/hide", "reason=rude&note=")) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.count("select count(*) from reply r join member m on m.id = r.hidden_by "
						+ "where r.id = ? and m.username = ?", target.reply(), actor.username()) == 1;
			}
		},

		MARK_A_DUPLICATE(Privilege.MARK_DUPLICATES, 200,
				c -> c.api().post("/api/v1/petitions/" + c.target().petition() + "/status",
						Map.of("status", "duplicate", "duplicateOfId", c.target().original()), c.actor().token()),
				t -> new Page("/petitions/" + t.petition() + "/status", "status=DUPLICATE&duplicateOfId=" + t.original())) {

			@Override
			boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor) {
				return test.status(target.petition()).equals("DUPLICATE");
			}
		};

		final Privilege privilege;

		final int created;

		final Function<Call, Response> api;

		final Function<Target, Page> page;

		Action(Privilege privilege, int created, Function<Call, Response> api, Function<Target, Page> page) {
			this.privilege = privilege;
			this.created = created;
			this.api = api;
			this.page = page;
		}

		Target prepare(PrivilegeMatrixIntegrationTest test, Member author) {
			long thread = test.thread(author, "Matrix thread");
			return new Target(thread, test.reply(author, thread, "A reply to act on"),
					test.petition(author, "Matrix petition"), test.petition(author, "Matrix original"));
		}

		abstract boolean done(PrivilegeMatrixIntegrationTest test, Target target, Member actor);
	}

	long count(String sql, Object... arguments) {
		return db.queryForObject(sql, Long.class, arguments);
	}

	String status(long petition) {
		return db.queryForObject("select status from petition where id = ?", String.class, petition);
	}
}
