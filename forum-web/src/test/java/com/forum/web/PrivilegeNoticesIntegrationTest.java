package com.forum.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerPosted;
import com.forum.points.Posting;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member whose reputation falls below a privilege's threshold is told, in their language, which
 * privilege they lost and why (a like taken back, a penalty with its note). Each notice is keyed on
 * the ledger entry, so a redelivered event tells nothing twice; gains are not announced.
 */
@IntegrationTest
class PrivilegeNoticesIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

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

	ApiClient api;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
	}

	@Test
	void aLikeTakenBackThatCostsAPrivilegeIsExplainedInTheMembersLanguage() {
		SeededMember author = SeededMember.create(db, "noticed", "MEMBER");
		SeededMember fan = SeededMember.create(db, "fan", "MEMBER");
		db.update("update member set language = 'zh-CN' where id = ?", author.id());
		Reputations.set(ledger, new MemberId(author.id()), 5);
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Liked, then not " + marker(),
				"body", "A post worth a like"), author.token()).json().get("id").asLong();

		// a like brings 10 reputation: 15 reaches links (10) and flags (15), quietly
		assertThat(api.put("/api/v1/threads/" + thread + "/like", Map.of(), fan.token()).status()).isEqualTo(200);
		Await.until(WAIT, () -> ledger.balance(new MemberId(author.id()), Account.REPUTATION).balance() == 15);

		assertThat(api.delete("/api/v1/threads/" + thread + "/like", fan.token()).status()).isEqualTo(200);
		Await.until(WAIT, () -> titles(author).size() == 2);
		List<JsonNode> lost = notifications(author).stream()
			.filter(n -> n.get("kind").asString().equals("privilege-lost"))
			.toList();
		assertThat(lost).extracting(n -> n.get("title").asString())
			.containsExactlyInAnyOrder("你暂时不能发布链接和图片了", "你暂时不能举报帖子了");
		assertThat(lost).allSatisfy(n -> {
			assertThat(n.get("body").asString()).isEqualTo(
					"你收到的一个赞被取消了，或所在的帖子被删除了。你现在的声望是 5，此权限需要 " + (n.get("title").asString()
						.contains("链接") ? "10" : "15") + "。");
			assertThat(n.get("link").asString()).isEqualTo("/privileges");
		});
	}

	@Test
	void aPenaltyNamesItsReasonAndARedeliveredEventTellsNothingTwice() {
		SeededMember member = SeededMember.create(db, "penalised", "MEMBER");
		SeededMember admin = SeededMember.create(db, "judge", "ADMIN");
		MemberId id = new MemberId(member.id());
		Reputations.set(ledger, id, 600);

		long entry = ledger.post(Posting.of(id, Account.REPUTATION, -200, "penalty", "test:penalty:" + marker())
			.by(new MemberId(admin.id()), "Spam links in three threads")).entryId();
		Await.until(WAIT, () -> titles(member).size() == 1);
		JsonNode notice = privilegeNotices(member).getFirst();
		assertThat(notice.get("title").asString()).isEqualTo("You can no longer put petitions under review");
		assertThat(notice.get("body").asString())
			.isEqualTo("A penalty (Spam links in three threads). Your reputation is now 400; this needs 500.");

		Replays.publish(tx, events, db, 1,
				new LedgerPosted(entry, id, Account.REPUTATION, -200, "penalty", 400, Instant.now()));
		assertThat(titles(member)).hasSize(1);
	}

	@Test
	void staffHearNothingOfPrivilegesTheyAlwaysHoldAndRisingIsNotAnnounced() {
		SeededMember moderator = SeededMember.create(db, "always", "MODERATOR");
		SeededMember member = SeededMember.create(db, "rising", "MEMBER");
		Timestamp since = Timestamp.from(Instant.now().minusSeconds(1));
		Reputations.set(ledger, new MemberId(moderator.id()), 3000);
		Reputations.set(ledger, new MemberId(moderator.id()), -50);
		Reputations.set(ledger, new MemberId(member.id()), 3000);
		// this test's own deliveries: another test class may have left some of its own owed
		Await.until(WAIT, () -> db.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and event_type like '%LedgerPosted' and publication_date >= ?""", Long.class, since) == 0);
		assertThat(titles(moderator)).isEmpty();
		assertThat(titles(member)).isEmpty();
	}

	/** The privilege notices' titles: badges reached on the way (a reputation badge) are news of their own. */
	private List<String> titles(SeededMember member) {
		return privilegeNotices(member).stream().map(n -> n.get("title").asString()).toList();
	}

	private List<JsonNode> privilegeNotices(SeededMember member) {
		return notifications(member).stream().filter(n -> n.get("kind").asString().startsWith("privilege")).toList();
	}

	private List<JsonNode> notifications(SeededMember member) {
		Response list = api.get("/api/v1/notifications?size=50", member.token());
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		list.json().get("items").forEach(items::add);
		return items;
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
