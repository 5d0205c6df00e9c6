package com.forum.trust;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.Role;
import com.forum.shared.RuleViolationException;
import com.forum.trust.internal.Offences;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Posting trust with the community's real rules (the test profile relaxes them for the other tests,
 * so these checks run through a {@link PostingTrust} made with the rules of {@code config/community.yml})
 * against real PostgreSQL and Redis, and the refusals as members meet them on the API and the pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostingTrustIntegrationTest {

	/** As in config/community.yml. */
	static final TrustProperties RULES = new TrustProperties(new TrustProperties.NewMember(5, 3, 100, 1),
			Duration.ofMinutes(10), new TrustProperties.Burst(5, Duration.ofMinutes(1)),
			new TrustProperties.Offences(3, Duration.ofHours(24)), List.of(1, 3, 7, 30));

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MemberDirectory members;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	ApiClient api;

	PostingTrust trust;

	long board;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		trust = new PostingTrust(RULES, members, member -> 0, new Offences(jdbc, RULES, events, transactions, clock),
				redis, clock);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void aNewMembersPostShowsAtMostOneLinkUntilTheyAreTrusted() {
		Actor fresh = actor(api.newMember("fresh"));

		trust.admit(fresh, "one link https://mi.com", 1);
		assertThatThrownBy(() -> trust.admit(fresh, "two https://a.example https://b.example", 2))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.code()).isEqualTo("new-member-links"));
		assertThatThrownBy(() -> trust.admitEdit(fresh, 2)).isInstanceOf(RuleViolationException.class);

		PostingTrust reputable = new PostingTrust(RULES, members, member -> 100,
				new Offences(jdbc, RULES, events, transactions, clock), redis, clock);
		reputable.admit(fresh, "two links from a reputable newcomer", 2);

		// an old member with enough posts is no longer new
		jdbc.update("update member set created_at = now() - interval '4 days' where id = ?", fresh.id().value());
		jdbc.update("update member_trust set posts = 5 where member_id = ?", fresh.id().value());
		trust.admit(fresh, "two https://a.example https://b.example from a regular", 2);
	}

	@Test
	void theSameTextAgainIsRefusedWhateverItsSpacingAndCase() {
		Actor member = actor(api.newMember("repeat"));

		trust.admit(member, "Buy cheap phones now", 0);
		assertThatThrownBy(() -> trust.admit(member, "  buy CHEAP   phones now ", 0))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.code()).isEqualTo("duplicate-post"));
		trust.admit(member, "Something else entirely", 0);
		trust.admit(actor(api.newMember("other")), "Buy cheap phones now", 0);
		assertThat(offences(member)).isEqualTo(1);
	}

	@Test
	void aBurstOfPostsIsRefused() {
		Actor member = actor(api.newMember("burst"));
		int admitted = 0;
		for (int i = 0; i < 8; i++) {
			try {
				trust.admit(member, "post number " + i, 0);
				admitted++;
			}
			catch (RuleViolationException ex) {
				assertThat(ex.code()).isEqualTo("posting-burst");
			}
		}
		// five within the minute, unless the minute turned over in the middle of the loop
		assertThat(admitted).isBetween(5, 8);
		assertThat(offences(member)).isEqualTo(8 - admitted);
	}

	@Test
	void repeatOffendersAreSilencedForLongerEachTimeAndToldWhyInTheirLanguage() {
		Member member = api.newMember("offender");
		Actor actor = actor(member);
		trust.admit(actor, "spam", 0);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> trust.admit(actor, "spam", 0)).isInstanceOf(RuleViolationException.class);
		}
		assertThat(silences(actor)).containsExactly(1);
		assertThatThrownBy(() -> trust.admit(actor, "something new", 0)).isInstanceOf(SilencedException.class);

		// the API and the pages refuse the silenced member with a clear 403
		Response refused = api.post("/api/v1/threads", Map.of("boardId", board, "title", "While silenced",
				"body", "words"), member.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("may not post until");
		Response refusedZh = api.post("/api/v1/threads", Map.of("boardId", board, "title", "禁言期间的一个帖子", "body", "内容"),
				member.token(), Map.of("Accept-Language", "zh-CN"));
		assertThat(refusedZh.json().get("detail").asString()).contains("之前不能发帖");
		Browser browser = new Browser(port).signIn(member);
		var page = browser.post("/boards/hyperos/threads", "title=" + Browser.enc("While silenced")
				+ "&body=words&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("may not post until");

		JsonNode told = Await.value(Duration.ofSeconds(20), () -> notification(member, "en"), n -> n != null);
		assertThat(told.get("title").asString()).contains("you kept posting the same text again");
		assertThat(notification(member, "zh-CN").get("title").asString()).contains("一再重复发布相同的内容");

		// once the silence is over, three fresh offences silence for 3 days
		jdbc.update("update member_silence set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'"
				+ " where member_id = ?", actor.id().value());
		jdbc.update("update member_offence set at = now() - interval '2 days' where member_id = ?", actor.id().value());
		trust.admit(actor, "fresh start", 0);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> trust.admit(actor, "fresh start", 0)).isInstanceOf(RuleViolationException.class);
		}
		assertThat(silences(actor)).containsExactly(1, 3);
	}

	@Test
	void aPostThatIsNotStoredLeavesNoCountBehind() {
		Actor member = actor(api.newMember("retry"));
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			trust.admit(member, "same words", 0);
			status.setRollbackOnly();
		});

		trust.admit(member, "same words", 0);
		assertThat(offences(member)).isZero();
		assertThat(jdbc.queryForObject("select posts from member_trust where member_id = ?", Long.class,
				member.id().value())).isEqualTo(1);
	}

	@Test
	void aBurstWithinOneTransactionIsRefusedAtOnceAndItsOffenceKept() {
		Actor member = actor(api.newMember("batch"));
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		// one post too many in one transaction: its offence locks the member's row, which the posts before
		// locked in that same transaction (as the demo data did at the first start). Eleven posts within a
		// few seconds cannot all fit, even when the minute turns over in the middle.
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> transaction
			.executeWithoutResult(status -> {
				for (int i = 0; i < 11; i++) {
					trust.admit(member, "batch post " + i, 0);
				}
			})).isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.code()).isEqualTo("posting-burst")));
		assertThat(offences(member)).isEqualTo(1);
	}

	private Actor actor(Member member) {
		return new Actor(members.profile(member.username()).id(), Role.MEMBER);
	}

	private long offences(Actor actor) {
		return jdbc.queryForObject("select count(*) from member_offence where member_id = ?", Long.class,
				actor.id().value());
	}

	private List<Integer> silences(Actor actor) {
		return jdbc.queryForList("select extract(day from ends_at - starts_at)::int from member_silence"
				+ " where member_id = ? order by id", Integer.class, actor.id().value());
	}

	private JsonNode notification(Member member, String language) {
		return api.get("/api/v1/notifications?size=100", member.token(), language)
			.json()
			.get("items")
			.valueStream()
			.filter(n -> n.get("kind").asString().equals("silenced"))
			.findFirst()
			.orElse(null);
	}
}
