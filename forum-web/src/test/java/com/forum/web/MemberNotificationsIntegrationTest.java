package com.forum.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.discussion.AnswerAccepted;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.notification.NotificationKind;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members hear what others do with their posts (issue 11): a reply to their thread, a quote of their
 * reply, a mention, likes counted in one notification per post, their answer accepted. For each: who is
 * told, who is not (the one who acted, a member who turned the kind off), and never twice, however often
 * the event arrives. Then the channels: off, e-mail at once, and e-mail held for one digest. Real
 * discussion, event registry, notification centre and outbox.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberNotificationsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	ApiClient api;

	long hyperos;

	long support;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		hyperos = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		support = api.get("/api/v1/boards/support", null).json().get("id").asLong();
	}

	@Test
	void aReplyTellsTheThreadsAuthorOnceButNeverTheReplier() {
		Member author = api.newMember("asker");
		Member replier = api.newMember("replier");
		String title = "Battery drains overnight " + marker();
		long thread = thread(author, hyperos, title, "Since the update it loses 20% at night.");

		long reply = reply(replier, thread, "Same here, turning off always-on display helped.", null);

		JsonNode told = awaitOne(author, "reply", "en");
		assertThat(told.get("title").asString())
			.isEqualTo(replier.username() + " replied to your thread “" + title + "”");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + reply);
		assertThat(only(author, "reply", "zh-CN").get("title").asString())
			.isEqualTo(replier.username() + " 回复了你的主题“" + title + "”");

		// the author answering in their own thread tells nobody; the event delivered again adds nothing
		reply(author, thread, "Thanks, I will try that tonight.", null);
		Replays.publish(tx, events, jdbc, 2, new ReplyPosted(new ReplyId(reply), new TopicId(thread),
				id(replier), id(author), null, List.of()));
		settled();
		assertThat(of(author, "reply", "en")).hasSize(1);
		assertThat(all(replier)).isEmpty();
	}

	@Test
	void aMentionOutranksAQuoteAndAReplySoEachMemberIsToldOnce() {
		Member author = api.newMember("asker");
		Member quoted = api.newMember("quoted");
		Member mentioner = api.newMember("mentioner");
		String title = "Camera focus is slow " + marker();
		long thread = thread(author, hyperos, title, "Focus hunts in low light.");
		long quotedReply = reply(quoted, thread, "Mine does that too in night mode.", null);

		long reply = reply(mentioner, thread, "@" + author.username() + " and @" + quoted.username().toUpperCase()
				+ ", clean the lens first; @" + mentioner.username() + " and @nobody-" + marker() + " agree.",
				quotedReply);

		// the thread's author and the quoted member are both mentioned: one mention each, no reply or quote
		JsonNode authorTold = awaitOne(author, "mention", "en");
		assertThat(authorTold.get("title").asString())
			.isEqualTo(mentioner.username() + " mentioned you in “" + title + "”");
		assertThat(authorTold.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + reply);
		awaitOne(quoted, "mention", "en");
		settled();
		assertThat(all(author)).extracting(n -> n.get("kind").asString()).containsExactlyInAnyOrder("reply", "mention");
		assertThat(of(quoted, "quote", "en")).isEmpty();
		assertThat(all(mentioner)).isEmpty();
		// the names mentioned link to their profiles; a name of nobody stays text
		String html = api.get("/api/v1/threads/" + thread + "/replies/" + reply, null).json().get("bodyHtml").asString();
		assertThat(html).contains("href=\"/members/" + author.username() + "\"")
			.contains("href=\"/members/" + quoted.username() + "\"")
			.contains("&#64;nobody-")
			.doesNotContain("href=\"/members/nobody-");

		// names complete as typed, compared folded as sign-in compares them
		assertThat(api.get("/api/v1/members/suggestions?prefix=" + quoted.username().toUpperCase(), null).json()
			.get("items").valueStream().map(m -> m.get("username").asString()).toList())
			.containsExactly(quoted.username());

		// a plain quote tells the quoted member as a quote, the thread's author as a reply
		Member quoter = api.newMember("quoter");
		long quote = reply(quoter, thread, "Night mode needs a steady hand.", quotedReply);
		JsonNode quoteTold = Await.value(WAIT, () -> of(quoted, "quote", "en"), found -> !found.isEmpty()).getFirst();
		assertThat(quoteTold.get("title").asString())
			.isEqualTo(quoter.username() + " quoted your reply in “" + title + "”");
		assertThat(quoteTold.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + quote);

		Replays.publish(tx, events, jdbc, 2, new ReplyPosted(new ReplyId(reply), new TopicId(thread), id(mentioner),
				id(author), id(quoted), List.of(id(author), id(quoted), id(mentioner))));
		settled();
		assertThat(of(author, "mention", "en")).hasSize(1);
		assertThat(of(quoted, "mention", "en")).hasSize(1);
		assertThat(of(quoted, "quote", "en")).hasSize(1);
		assertThat(all(mentioner)).isEmpty();
	}

	@Test
	void aNameAddedByAnEditTellsThatMemberOnceAndNoOneElseAgain() {
		Member author = api.newMember("asker");
		Member first = api.newMember("first");
		Member added = api.newMember("added");
		Member editor = api.newMember("editor");
		String title = "Which case fits the 17 Pro " + marker();
		long thread = thread(author, hyperos, title, "Looking for a slim one.");
		long reply = reply(editor, thread, "@" + first.username() + " had one, I think.", null);
		awaitOne(first, "mention", "en");

		Response edited = api.put("/api/v1/threads/" + thread + "/replies/" + reply,
				Map.of("body", "@" + first.username() + " had one, and @" + added.username() + " too."), editor.token());
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		api.put("/api/v1/threads/" + thread + "/replies/" + reply, Map.of("body", "@" + first.username() + " and @"
				+ added.username() + " both had one; @" + editor.username() + " has none."), editor.token());

		JsonNode told = awaitOne(added, "mention", "en");
		assertThat(told.get("title").asString()).isEqualTo(editor.username() + " mentioned you in “" + title + "”");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + reply);
		settled();
		assertThat(of(added, "mention", "en")).hasSize(1);
		assertThat(of(first, "mention", "en")).hasSize(1);
		assertThat(of(author, "reply", "en")).hasSize(1);
		assertThat(all(editor)).isEmpty();
	}

	@Test
	void aPostMentionsAtMostTheConfiguredNumberOfMembersAndAThreadMentionsToo() {
		Member poster = api.newMember("crowd");
		List<SeededMember> crowd = new ArrayList<>();
		StringBuilder body = new StringBuilder("Calling everyone:");
		for (int i = 0; i < 11; i++) {
			SeededMember member = SeededMember.create(jdbc, "crowd", "MEMBER");
			crowd.add(member);
			body.append(" @").append(member.username());
		}

		long thread = thread(poster, hyperos, "Meet-up in Beijing " + marker(), body.toString());

		// forum.mentions.max-per-post is 10: the eleventh name stays text and tells nobody
		Await.until(WAIT, () -> mentions(crowd.get(9)) == 1);
		settled();
		assertThat(crowd.subList(0, 10)).allSatisfy(member -> assertThat(mentions(member)).isEqualTo(1));
		assertThat(mentions(crowd.get(10))).isZero();
		assertThat(jdbc.queryForObject("select link from notification where recipient_id = ? and kind = 'mention'",
				String.class, crowd.getFirst().id())).isEqualTo("/threads/" + thread);
		String html = api.get("/api/v1/threads/" + thread, null).json().get("bodyHtml").asString();
		assertThat(html).contains("href=\"/members/" + crowd.get(9).username() + "\"")
			.doesNotContain("href=\"/members/" + crowd.get(10).username() + "\"");
	}

	@Test
	void likesOfAPostMakeOneNotificationThatCountsTheLikers() {
		Member author = api.newMember("liked");
		String title = "Wallpaper I made " + marker();
		long thread = thread(author, hyperos, title, "Free to use.");
		List<SeededMember> fans = List.of(SeededMember.create(jdbc, "fan", "MEMBER"),
				SeededMember.create(jdbc, "fan", "MEMBER"), SeededMember.create(jdbc, "fan", "MEMBER"));

		fans.forEach(fan -> assertThat(api.put("/api/v1/threads/" + thread + "/like", null, fan.token()).status())
			.isEqualTo(200));

		Await.until(WAIT, () -> of(author, "post-liked", "en").stream()
			.anyMatch(n -> n.get("title").asString().startsWith("3 people")));
		// a like taken back and given again, and a like's event delivered twice, count no one twice
		api.delete("/api/v1/threads/" + thread + "/like", fans.getFirst().token());
		api.put("/api/v1/threads/" + thread + "/like", null, fans.getFirst().token());
		Replays.publish(tx, events, jdbc, 2, new PostLiked(PostKind.TOPIC, thread, new TopicId(thread), id(author),
				new MemberId(fans.get(1).id()), true));
		settled();
		JsonNode told = only(author, "post-liked", "en");
		assertThat(told.get("title").asString()).isEqualTo("3 people liked your post in “" + title + "”");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread);
		assertThat(only(author, "post-liked", "zh-CN").get("title").asString())
			.isEqualTo("3 人赞了你在“" + title + "”中的帖子");
		assertThat(fans).allSatisfy(fan -> assertThat(jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ?", Long.class, fan.id())).isZero());
	}

	@Test
	void anAcceptedAnswerTellsItsAuthorOnceButNotTheAskerWhoAcceptsTheirOwn() {
		Member asker = api.newMember("asker");
		Member helper = api.newMember("helper");
		String title = "How do I reset the network settings " + marker();
		long thread = thread(asker, support, title, "Wi-Fi keeps dropping.");
		long answer = reply(helper, thread, "Settings, Connection and sharing, Reset Wi-Fi.", null);

		assertThat(api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", answer),
				asker.token()).status()).isEqualTo(200);

		JsonNode told = awaitOne(helper, "answer-accepted", "en");
		assertThat(told.get("title").asString()).isEqualTo("Your answer in “" + title + "” was accepted");
		assertThat(told.get("body").asString())
			.isEqualTo(asker.username() + " marked your reply as the answer that solved the question.");
		Replays.publish(tx, events, jdbc, 2,
				new AnswerAccepted(new TopicId(thread), new ReplyId(answer), id(helper), id(asker)));

		long second = thread(asker, support, "Answering myself " + marker(), "Found it.");
		long own = reply(asker, second, "It was the router.", null);
		assertThat(api.post("/api/v1/threads/" + second + "/accepted-answer", Map.of("replyId", own),
				asker.token()).status()).isEqualTo(200);
		settled();
		assertThat(of(helper, "answer-accepted", "en")).hasSize(1);
		assertThat(of(asker, "answer-accepted", "en")).isEmpty();
	}

	@Test
	void aModeratorDeletingAPostTellsItsAuthorOnceButAMemberDeletingTheirOwnTellsNobody() {
		Member author = api.newMember("removed");
		String title = "Selling accounts cheap " + marker();
		long thread = thread(author, hyperos, title, "Contact me elsewhere.");
		long own = reply(author, thread, "Changed my mind about this part.", null);
		long spam = reply(author, thread, "Still selling, message me.", null);
		String moderator = api.token("moderator", "moderator-demo-2026");

		assertThat(api.delete("/api/v1/threads/" + thread + "/replies/" + own, author.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/threads/" + thread + "/replies/" + spam, moderator).status()).isEqualTo(204);

		JsonNode told = Await.value(WAIT, () -> of(author, "post-removed", "en"), found -> !found.isEmpty()).getFirst();
		assertThat(told.get("title").asString()).isEqualTo("A moderator removed your post in “" + title + "”");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + spam);
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and listener_id like '%ModerationNotifier%'""", Long.class) == 0);
		assertThat(of(author, "post-removed", "en")).hasSize(1);
	}

	@Test
	void aKindTurnedOffTellsNothingAndTheNextCauseTakesItsPlace() {
		Member author = api.newMember("quiet");
		Member replier = api.newMember("chatty");
		long thread = thread(author, hyperos, "Dark mode schedule " + marker(), "Can it follow sunset?");

		Response changed = api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("mention", "off")),
				author.token());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("channels").get("mention").asString()).isEqualTo("off");
		assertThat(changed.json().get("channels").get("reply").asString()).isEqualTo("centre");

		// mentions are off, replies to the thread are not: the author hears of it as a reply
		reply(replier, thread, "@" + author.username() + " yes, under Display.", null);
		awaitOne(author, "reply", "en");

		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("reply", "off")), author.token());
		JsonNode channels = api.get("/api/v1/notifications/preferences", author.token()).json().get("channels");
		assertThat(Map.of("reply", "off", "quote", "centre", "mention", "off", "post-liked", "centre",
				"answer-accepted", "centre")).allSatisfy((kind, channel) -> assertThat(channels.get(kind).asString())
					.as(kind).isEqualTo(channel));
		reply(replier, thread, "@" + author.username() + " and a custom schedule too.", null);

		// every other kind turned off too: a quote, a like and an accepted answer tell nothing either
		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("quote", "off", "post-liked", "off",
				"answer-accepted", "off")), author.token());
		long question = thread(replier, support, "Does dark mode save battery " + marker(), "On OLED?");
		long answer = reply(author, question, "Yes, on OLED screens it does.", null);
		reply(replier, question, "Thanks, that settles it.", answer);
		api.put("/api/v1/threads/" + question + "/replies/" + answer + "/like", null, replier.token());
		api.post("/api/v1/threads/" + question + "/accepted-answer", Map.of("replyId", answer), replier.token());
		settled();
		assertThat(all(author)).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from notification_like where post_id = ? and post_kind = 'REPLY'",
				Long.class, answer)).as("the like was seen, only not told").isEqualTo(1);
	}

	@Test
	void theOwnProfileSetsTheChannelsAndExplainsABadChoiceInBothLanguages() {
		Member member = api.newMember("settings");
		Browser browser = new Browser(port).speaking("en").signIn(member);
		String profile = browser.get("/members/" + member.username()).body();
		assertThat(profile).contains("Replies to your threads", "Centre and e-mail",
				"id=\"channel-mention-centre\" checked");

		HttpResponse<String> saved = browser.post("/settings/notifications",
				"channels%5Bmention%5D=email&channels%5Bpost-liked%5D=off&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("#notification-settings");
		assertThat(browser.get("/members/" + member.username()).body()).contains(
				"Your notification settings are saved.", "id=\"channel-mention-email\" checked",
				"id=\"channel-post-liked-off\" checked", "id=\"channel-reply-centre\" checked");

		HttpResponse<String> bad = browser.post("/settings/notifications",
				"channels%5Bmention%5D=loud&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Please choose one of the offered settings for each kind of notification.");
		Browser zh = new Browser(port).speaking("zh-CN").signIn(member);
		assertThat(zh.get("/members/" + member.username()).body()).contains("别人提到你（@用户名）", "通知中心和邮件");
		assertThat(zh.post("/settings/notifications", "channels%5Bgossip%5D=off&_csrf=" + Browser.enc(zh.csrf()))
			.body()).contains("请为每类通知选择列出的选项之一。");
		assertThat(api.get("/api/v1/notifications/preferences", member.token()).json().get("channels")
			.get("mention").asString()).isEqualTo("email");
		assertThat(new Browser(port).signIn(api.newMember("other")).get("/members/" + member.username()).body())
			.as("nobody else sees them").doesNotContain("notification-settings");
	}

	@Test
	void eMailGoesOutAtOnceAndWhatFollowsWithinTheWindowComesAsOneDigest() {
		Member author = api.newMember("mailed");
		Member replier = api.newMember("busy");
		String title = "Which charger is fastest " + marker();
		long thread = thread(author, hyperos, title, "120 W or 90 W?");
		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("reply", "email")), author.token());
		String address = ApiClient.email(author.username());

		List<Long> replies = new ArrayList<>();
		for (String text : List.of("The 120 W one.", "Only with the original cable.", "And keep it cool.")) {
			replies.add(reply(replier, thread, text, null));
		}

		Await.until(WAIT, () -> of(author, "reply", "en").size() == 3);
		settled();
		// one mail went out with the first notification; the other two wait, however quickly they came
		List<Outbox.Mail> mailed = notificationMails(address);
		assertThat(mailed).hasSize(1);
		assertThat(mailed.getFirst().subject()).isEqualTo(replier.username() + " replied to your thread “" + title + "”");
		assertThat(mailed.getFirst().body()).contains("Open the reply to read it and answer.")
			.contains("/threads/" + thread + "?reply=");

		// the window over (as if it had passed), the digest job sends the two waiting as one mail
		jdbc.update("update notification_mail_window set last_mail_at = now() - interval '1 day' where recipient_id = ?",
				id(author).value());
		Await.until(WAIT, () -> notificationMails(address).size() == 2);
		Outbox.Mail digest = notificationMails(address).getLast();
		assertThat(digest.subject()).isEqualTo("2 new notifications on the forum");
		long linked = replies.stream().filter(r -> digest.body().contains("/threads/" + thread + "?reply=" + r)).count();
		assertThat(linked).isEqualTo(2);
		assertThat(digest.body()).contains("2 things happened that concern you:");
		assertThat(jdbc.queryForObject("select count(*) from notification_mail_pending where recipient_id = ?",
				Long.class, id(author).value())).isZero();
	}

	private long thread(Member author, long board, String title, String body) {
		Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body", body),
				author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long reply(Member author, long thread, String body, Long quoted) {
		Map<String, Object> request = quoted == null ? Map.of("body", body)
				: Map.of("body", body, "quotedReplyId", quoted);
		Response created = api.post("/api/v1/threads/" + thread + "/replies", request, author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** Mails that tell of notifications: the address's confirmation link and the like are not among them. */
	private static List<Outbox.Mail> notificationMails(String address) {
		return Outbox.to(address).stream().filter(mail -> mail.body().contains("/threads/")).toList();
	}

	/** Waits until every event the notifiers listen to has been delivered. */
	private void settled() {
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and (listener_id like '%DiscussionNotifier%' or listener_id like '%MailSender%')""", Long.class) == 0);
	}

	private JsonNode awaitOne(Member member, String kind, String language) {
		Await.until(WAIT, () -> !of(member, kind, language).isEmpty());
		return only(member, kind, language);
	}

	private JsonNode only(Member member, String kind, String language) {
		List<JsonNode> found = of(member, kind, language);
		assertThat(found).hasSize(1);
		return found.getFirst();
	}

	private List<JsonNode> of(Member member, String kind, String language) {
		return notifications(member, language).stream().filter(n -> n.get("kind").asString().equals(kind)).toList();
	}

	/** The member's notifications of what others did with their posts, oldest first (badges and the like left out). */
	private List<JsonNode> all(Member member) {
		return notifications(member, "en").stream()
			.filter(n -> NotificationKind.byId(n.get("kind").asString()).isPresent())
			.toList()
			.reversed();
	}

	/** Newest first, as the centre lists them. */
	private List<JsonNode> notifications(Member member, String language) {
		return api.get("/api/v1/notifications?size=100", member.token(), language).json().get("items").valueStream()
			.toList();
	}

	private long mentions(SeededMember member) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = 'mention'",
				Long.class, member.id());
	}

	private MemberId id(Member member) {
		return new MemberId(jdbc.queryForObject("select id from member where username = ?", Long.class,
				member.username()));
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
