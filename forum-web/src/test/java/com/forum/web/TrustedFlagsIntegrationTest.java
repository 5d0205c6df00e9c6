package com.forum.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.reputation.TrustedFlagsProperties;
import com.forum.web.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags of trusted members hide a post pending review by themselves (3 flaggers of 200 reputation
 * in config/community.yml); flags of members below that reputation leave it for the moderators.
 */
@IntegrationTest
class TrustedFlagsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	TrustedFlagsProperties rules;

	ApiClient api;

	long board;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void enoughTrustedFlagsHideAReplyAndItsAuthorIsTold() {
		SeededMember author = member("spammer", 0);
		long thread = thread(member("asker", 0));
		long reply = reply(author, thread);

		for (int i = 0; i < rules.count() - 1; i++) {
			assertThat(flag(member("trusted", rules.reputation()), thread, reply, "spam").status()).isEqualTo(200);
		}
		// flags from members below the reputation do not count
		for (int i = 0; i < 3; i++) {
			flag(member("newcomer", 20), thread, reply, "rude");
		}
		sleepForDeliveries();
		assertThat(hidden("reply", reply)).isFalse();

		assertThat(flag(member("trusted", rules.reputation()), thread, reply, "spam").status()).isEqualTo(200);

		Await.until(WAIT, () -> hidden("reply", reply));
		assertThat(db.queryForObject("select hidden_reason from reply where id = ?", String.class, reply)).isEqualTo("SPAM");
		Await.until(WAIT, () -> db.queryForObject(
				"select count(*) from notification where recipient_id = ? and kind = 'post-hidden'", Long.class,
				author.id()) == 1);
	}

	@Test
	void aThreadIsHiddenTheSameWayAndAModeratorStillDecides() {
		SeededMember author = member("opener", 0);
		long thread = thread(author);
		for (int i = 0; i < rules.count(); i++) {
			api.post("/api/v1/threads/" + thread + "/flags", Map.of("reason", "off-topic"),
					member("trusted", rules.reputation()).token());
		}
		Await.until(WAIT, () -> hidden("topic", thread));

		SeededMember moderator = SeededMember.create(db, "mod", "MODERATOR");
		assertThat(api.post("/api/v1/moderation/threads/" + thread + "/keep", Map.of(), moderator.token()).status())
			.isEqualTo(204);
		assertThat(hidden("topic", thread)).isFalse();
	}

	private boolean hidden(String table, long id) {
		return db.queryForObject("select hidden_at is not null from " + table + " where id = ?", Boolean.class, id);
	}

	private SeededMember member(String prefix, long reputation) {
		SeededMember seeded = SeededMember.create(db, "tf-" + prefix, "MEMBER");
		Reputations.set(ledger, new MemberId(seeded.id()), reputation);
		return seeded;
	}

	private long thread(SeededMember author) {
		Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Flag me " + UUID.randomUUID(),
				"body", "Opening post " + UUID.randomUUID()), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long reply(SeededMember author, long thread) {
		Response created = api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "Cheap phones " + UUID.randomUUID()), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response flag(SeededMember flagger, long thread, long reply, String reason) {
		return api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/flags", Map.of("reason", reason),
				flagger.token());
	}

	private static void sleepForDeliveries() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
