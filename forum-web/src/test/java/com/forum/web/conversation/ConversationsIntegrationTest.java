package com.forum.web.conversation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.forum.conversation.ConversationId;
import com.forum.conversation.ConversationMessagePosted;
import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import com.forum.web.Replays;
import com.forum.web.Reputations;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private messages end to end through the API: starting, replying, read markers and unread counts,
 * leaving, the participant cap, the privilege to start, blocking, notifications, and privacy (a
 * conversation is its participants' only, staff included, until a participant reports it; then
 * moderators read it and each read is audited). Bad input is refused with a problem and writes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	PasswordEncoder passwords;

	ApiClient api;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void participantsReplyAndEachHasTheirOwnReadMarkerAndUnreadCount() {
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 0);
		SeededMember carol = member("carol", 0);
		long id = start(alice, "Meet-up in Wuhan " + tag(), "Who is coming on **Saturday**?", bob, carol);

		assertThat(inbox(bob).getFirst().get("unread").asInt()).isEqualTo(1);
		assertThat(inbox(alice).getFirst().get("unread").asInt()).isZero();
		assertThat(unread(bob)).isEqualTo(1);

		// replying needs no privilege: bob has no reputation at all
		assertThat(send(bob, id, "I am, see you there.").status()).isEqualTo(201);
		assertThat(send(carol, id, "Me too.").status()).isEqualTo(201);
		// a member's own message marks everything before it read
		assertThat(inbox(alice).getFirst().get("unread").asInt()).isEqualTo(2);
		assertThat(inbox(bob).getFirst().get("unread").asInt()).isEqualTo(1);
		// a link needs its own privilege, as in replies to threads
		Response link = send(bob, id, "See https://example.com/offer");
		assertThat(link.status()).isEqualTo(403);
		assertThat(link.json().get("privilege").asString()).isEqualTo("post-links-images");

		JsonNode read = api.get("/api/v1/conversations/" + id, alice.token()).json();
		assertThat(read.get("messages").valueStream().map(m -> m.get("body").asString()))
			.containsExactly("Who is coming on **Saturday**?", "I am, see you there.", "Me too.");
		assertThat(read.get("messages").get(0).get("bodyHtml").asString()).contains("<strong>Saturday</strong>");
		assertThat(read.get("unread").asInt()).isEqualTo(2);

		assertThat(api.post("/api/v1/conversations/" + id + "/read", null, alice.token()).status()).isEqualTo(204);
		assertThat(inbox(alice).getFirst().get("unread").asInt()).isZero();
		assertThat(inbox(bob).getFirst().get("unread").asInt()).isEqualTo(1);

		// the newest activity comes first
		long older = start(alice, "Older news " + tag(), "Anything new?", bob);
		send(bob, id, "Bumping the meet-up.");
		assertThat(inbox(alice).stream().map(c -> c.get("id").asLong()).toList()).startsWith(id, older);
	}

	@Test
	void aMemberWhoLeavesNoLongerSeesTheConversationAndTheOthersSeeThatTheyLeft() {
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 0);
		SeededMember carol = member("carol", 0);
		long id = start(alice, "Leaving " + tag(), "Hello both.", bob, carol);

		assertThat(api.delete("/api/v1/conversations/" + id + "/participants/me", carol.token()).status())
			.isEqualTo(204);
		assertThat(inbox(carol)).isEmpty();
		assertThat(unread(carol)).isZero();
		assertThat(api.get("/api/v1/conversations/" + id, carol.token()).status()).isEqualTo(404);
		assertThat(send(carol, id, "Still here?").status()).isEqualTo(404);

		send(alice, id, "Carol left us.");
		JsonNode read = api.get("/api/v1/conversations/" + id, bob.token()).json();
		assertThat(read.get("messages").get(1).get("kind").asString()).isEqualTo("left");
		assertThat(read.get("messages").get(1).get("author").asString()).isEqualTo(carol.username());
		assertThat(read.get("participants").valueStream()
			.filter(p -> p.get("username").asString().equals(carol.username()))
			.findFirst()
			.orElseThrow()
			.get("left")
			.asBoolean()).isTrue();
		assertThat(inbox(bob).getFirst().get("others").valueStream().map(JsonNode::asString))
			.containsExactly(alice.username());
	}

	@Test
	void startingNeedsThePrivilegeAndBadInputIsRefusedWithoutWritingAnything() {
		SeededMember newcomer = member("newcomer", 0);
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 0);
		long before = conversations();

		Response refused = api.post("/api/v1/conversations",
				Map.of("recipients", List.of(bob.username()), "subject", "Hi", "body", "Hello"), newcomer.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/denied/privilege");
		assertThat(refused.json().get("privilege").asString()).isEqualTo("start-conversations");

		assertInvalid(alice, List.of(bob.username()), "Hi", "", "body");
		assertInvalid(alice, List.of("nobody-" + tag()), "Hi", "Hello", "recipients");
		assertInvalid(alice, List.of(alice.username()), "Hi", "Hello", "recipients");
		assertInvalid(alice, List.of(), "Hi", "Hello", "recipients");
		assertInvalid(alice, List.of(bob.username()), "Hi", "x".repeat(50_001), "body");
		assertInvalid(alice, List.of(bob.username()), "s".repeat(151), "Hello", "subject");

		List<SeededMember> crowd = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			crowd.add(member("crowd", 0));
		}
		Response tooMany = api.post("/api/v1/conversations", Map.of("recipients",
				crowd.stream().map(SeededMember::username).toList(), "subject", "Everyone", "body", "Hello all"),
				alice.token());
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("errors").get(0).get("message").asString()).contains("19");
		assertThat(conversations()).isEqualTo(before);

		// nineteen others and the starter make the cap of twenty
		start(alice, "Everyone " + tag(), "Hello all", crowd.subList(0, 19).toArray(SeededMember[]::new));
		assertThat(conversations()).isEqualTo(before + 1);
	}

	@Test
	void aBlockedMemberCannotStartAConversationWithTheBlockerAndTheirMessagesAreNotDelivered() {
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 100);
		SeededMember carol = member("carol", 0);
		long shared = start(alice, "Before the block " + tag(), "Hello both.", bob, carol);

		assertThat(api.put("/api/v1/members/" + alice.username() + "/block", null, bob.token()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/members/me/blocks", bob.token()).json().get("blocked").valueStream()
			.map(JsonNode::asString)).containsExactly(alice.username());
		// private: the blocked member's own list is empty, and nobody else reads bob's
		assertThat(api.get("/api/v1/members/me/blocks", alice.token()).json().get("blocked").isEmpty()).isTrue();

		Response refused = api.post("/api/v1/conversations",
				Map.of("recipients", List.of(bob.username()), "subject", "Hi", "body", "Hello"), alice.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/recipient-unavailable");
		Response blocker = api.post("/api/v1/conversations",
				Map.of("recipients", List.of(alice.username()), "subject", "Hi", "body", "Hello"), bob.token());
		assertThat(blocker.json().get("type").asString()).isEqualTo("/problems/rules/recipient-blocked");

		long unreadBefore = unread(bob);
		long withheld = send(alice, shared, "Bob will not see this.").json().get("messageId").asLong();
		assertThat(unread(bob)).isEqualTo(unreadBefore);
		assertThat(messageIds(bob, shared)).doesNotContain(withheld);
		assertThat(messageIds(carol, shared)).contains(withheld);
		awaitNotified(carol, shared, 2);
		settled();
		assertThat(notifications(bob, shared)).hasSize(1);

		// unblocking lets later messages through; what was withheld stays withheld
		assertThat(api.delete("/api/v1/members/" + alice.username() + "/block", bob.token()).status()).isEqualTo(204);
		long delivered = send(alice, shared, "Now you see this.").json().get("messageId").asLong();
		assertThat(messageIds(bob, shared)).contains(delivered).doesNotContain(withheld);
		assertThat(api.post("/api/v1/conversations", Map.of("recipients", List.of(bob.username()), "subject", "Hi",
				"body", "Hello again"), alice.token()).status()).isEqualTo(201);
		assertThat(api.put("/api/v1/members/" + bob.username() + "/block", null, bob.token()).status()).isEqualTo(400);
	}

	@Test
	void aMessageNotifiesEveryOtherParticipantOnceAndNeverItsAuthor() {
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 0);
		SeededMember carol = member("carol", 0);
		String subject = "Notify " + tag();
		long id = start(alice, subject, "Hello both.", bob, carol);

		JsonNode told = awaitNotified(bob, id, 1).getFirst();
		assertThat(told.get("kind").asString()).isEqualTo("private-message");
		assertThat(told.get("title").asString()).isEqualTo(alice.username() + " sent you a message in “" + subject + "”");
		awaitNotified(carol, id, 1);

		long reply = send(bob, id, "Hi!").json().get("messageId").asLong();
		awaitNotified(alice, id, 1);
		awaitNotified(carol, id, 2);
		Replays.publish(tx, events, db, 2, new ConversationMessagePosted(new ConversationId(id), reply,
				new MemberId(bob.id()), subject, List.of(new MemberId(alice.id()), new MemberId(carol.id()))));
		settled();
		assertThat(notifications(alice, id)).hasSize(1);
		assertThat(notifications(bob, id)).hasSize(1);
		assertThat(notifications(carol, id)).hasSize(2);

		// a member who turned private messages off hears nothing
		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("private-message", "off")),
				carol.token());
		send(alice, id, "Carol turned us off.");
		awaitNotified(bob, id, 2);
		settled();
		assertThat(notifications(carol, id)).hasSize(2);
	}

	@Test
	void staffAndOtherMembersGetNotFoundUntilAParticipantReportsThenModeratorsReadAndEachReadIsAudited() {
		SeededMember alice = member("alice", 100);
		SeededMember bob = member("bob", 0);
		SeededMember stranger = member("stranger", 100);
		SeededMember moderator = SeededMember.create(db, "mod", "MODERATOR", "none");
		SeededMember admin = SeededMember.create(db, "admin", "ADMIN", "none");
		long id = start(alice, "Private " + tag(), "Just between us.", bob);

		for (SeededMember outsider : List.of(stranger, moderator, admin)) {
			String base = "/api/v1/conversations/" + id;
			assertThat(List.of(api.get(base, outsider.token()).status(), send(outsider, id, "Let me in").status(),
					api.post(base + "/read", null, outsider.token()).status(),
					api.delete(base + "/participants/me", outsider.token()).status(),
					api.post(base + "/reports", Map.of("reason", "spam"), outsider.token()).status()))
				.as(outsider.username())
				.containsOnly(404);
		}
		assertThat(api.get("/api/v1/moderation/conversations/" + id, moderator.token()).status()).isEqualTo(404);
		assertThat(audited(id)).isZero();

		Response report = api.post("/api/v1/conversations/" + id + "/reports",
				Map.of("reason", "harassment", "note", "Threats in the second message"), bob.token());
		assertThat(report.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/moderation/conversations", moderator.token()).json().get("items").valueStream()
			.anyMatch(r -> r.get("conversationId").asLong() == id && r.get("reason").asString().equals("harassment")))
			.isTrue();

		JsonNode read = api.get("/api/v1/moderation/conversations/" + id, moderator.token()).json();
		assertThat(read.get("messages").get(0).get("body").asString()).isEqualTo("Just between us.");
		Await.until(WAIT, () -> audited(id) == 1);
		assertThat(db.queryForObject("select actor_id from staff_audit where subject = ?", Long.class,
				"conversation:" + id)).isEqualTo(moderator.id());
		api.get("/api/v1/moderation/conversations/" + id, admin.token());
		Await.until(WAIT, () -> audited(id) == 2);

		// read-only for moderators, and still hidden from everyone else
		assertThat(send(moderator, id, "Moderator here").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/conversations/" + id, stranger.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/moderation/conversations/" + id, stranger.token()).status()).isEqualTo(403);
	}

	@Test
	void thePagesSayWhatIsWrongWithAFormAndBlockAndUnblockFromTheSettings() {
		SeededMember alice = SeededMember.signable(db, passwords, "alice", "MEMBER");
		db.update("update member set email_confirmed_at = now() where id = ?", alice.id());
		Reputations.set(ledger, new MemberId(alice.id()), 100);
		SeededMember bob = member("bob", 0);
		Browser browser = new Browser(port).signIn(alice.username(), SeededMember.PASSWORD);
		String csrf = "&_csrf=" + Browser.enc(browser.csrf());
		long before = conversations();

		String nobody = "nobody-" + tag();
		HttpResponse<String> refused = browser.post("/messages",
				"recipients=" + nobody + "&subject=Hi&body=Hello" + csrf);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("The recipients no member named " + nobody + ".")
			.contains("value=\"" + nobody + "\"");
		assertThat(conversations()).isEqualTo(before);

		HttpResponse<String> started = browser.post("/messages",
				"recipients=" + bob.username() + "&subject=Page+news&body=**Hello**" + csrf);
		String location = started.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/messages/\\d+");
		assertThat(browser.get(location.replaceFirst("^https?://[^/]+", "")).body()).contains("Page news")
			.contains("<strong>Hello</strong>");

		browser.post("/settings/blocked", "username=" + bob.username() + csrf);
		assertThat(browser.get("/settings/blocked").body()).contains(">" + bob.username() + "</a>");
		assertThat(browser.post("/settings/blocked", "username=" + nobody + csrf).body())
			.contains("There is no member with this username.");
		browser.post("/settings/blocked/" + bob.username() + "/unblock", csrf.substring(1));
		assertThat(browser.get("/settings/blocked").body()).contains("You have not blocked anyone.");
	}

	private void assertInvalid(SeededMember starter, List<String> recipients, String subject, String body,
			String field) {
		Response refused = api.post("/api/v1/conversations",
				Map.of("recipients", recipients, "subject", subject, "body", body), starter.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/validation");
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
	}

	private SeededMember member(String prefix, long reputation) {
		SeededMember member = SeededMember.create(db, prefix, "MEMBER", "none");
		db.update("update member set email_confirmed_at = now() where id = ?", member.id());
		Reputations.set(ledger, new MemberId(member.id()), reputation);
		return member;
	}

	private long start(SeededMember starter, String subject, String body, SeededMember... recipients) {
		Response created = api.post("/api/v1/conversations", Map.of("recipients",
				List.of(recipients).stream().map(SeededMember::username).toList(), "subject", subject, "body", body),
				starter.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response send(SeededMember author, long conversation, String body) {
		return api.post("/api/v1/conversations/" + conversation + "/messages", Map.of("body", body), author.token());
	}

	private List<JsonNode> inbox(SeededMember member) {
		return api.get("/api/v1/conversations", member.token()).json().get("items").valueStream().toList();
	}

	private long unread(SeededMember member) {
		return db.queryForObject("""
				select coalesce(sum(unread_count), 0) from conversation_participant
				where member_id = ? and left_at is null""", Long.class, member.id());
	}

	private List<Long> messageIds(SeededMember reader, long conversation) {
		return api.get("/api/v1/conversations/" + conversation, reader.token()).json().get("messages").valueStream()
			.map(m -> m.get("id").asLong())
			.toList();
	}

	private List<JsonNode> notifications(SeededMember member, long conversation) {
		return api.get("/api/v1/notifications?size=100", member.token(), "en").json().get("items").valueStream()
			.filter(n -> n.get("link").asString().startsWith("/messages/" + conversation + "#"))
			.toList();
	}

	private List<JsonNode> awaitNotified(SeededMember member, long conversation, int count) {
		Await.until(WAIT, () -> notifications(member, conversation).size() >= count);
		return notifications(member, conversation);
	}

	private void settled() {
		Await.until(WAIT, () -> db.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and listener_id like '%ConversationNotifier%'""", Long.class) == 0);
	}

	private long conversations() {
		return db.queryForObject("select count(*) from conversation", Long.class);
	}

	private long audited(long conversation) {
		return db.queryForObject("select count(*) from staff_audit where action = 'conversation.read' and subject = ?",
				Long.class, "conversation:" + conversation);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
