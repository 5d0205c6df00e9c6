package com.forum.web.browser;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.Posting;
import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Levels next to names, badges on the profile and their page, and the leaderboard tabs, in a real browser. */
@ConcurrentIntegrationTest
class ReputationJourneysTest extends JourneyTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate tx;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aHelperSeesTheirLevelAndTheBadgeTheirAcceptedAnswerEarned(String language) {
		boolean zh = language.startsWith("zh");
		Member asker = member("asker");
		Member helper = member("helper");
		long thread = thread(asker, HELP, (zh ? "蓝牙耳机连不上 " : "Earbuds will not pair ") + marker(),
				zh ? "重启也没用。" : "Restarting did not help.");
		long answer = reply(helper, thread, zh ? "先在设置里忽略设备，再重新配对。" : "Forget the device in Settings, then pair again.");
		assertThat(api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", answer), asker.token())
			.status()).isEqualTo(200);
		// 15 for the accepted answer and 985 more: 1,000, the first reputation of Lv5
		reputation(helper, 985);
		Await.until(WAIT, () -> holds(helper, "first-answer") && holds(helper, "trusted"));

		Journey j = journey("reputation", language).signIn(helper.username(), helper.password());
		String level = j.message("level.title", 5, "1,000");

		// the level next to their name where they answered
		j.open("/threads/" + thread);
		WebElement mine = j.find("#reply-" + answer + " .post-who .level");
		assertThat(mine.findElement(By.cssSelector("[aria-hidden='true']")).getText()).isEqualTo("Lv5");
		assertThat(mine.getDomAttribute("title")).isEqualTo(level);
		j.axe("thread with levels");

		// the badge was announced in the reader's language
		j.click(".account-nav a.notif-link");
		assertThat(texts(j.all(".notification-title"))).anySatisfy(
				title -> assertThat(title).contains(j.message("badge.first-answer.name")));
		j.axe("notifications");

		// the profile: level, reputation, the way to the next level, the badges
		j.click(".account-nav a.account-name");
		assertThat(j.find(".profile-name .level").getDomAttribute("title")).isEqualTo(level);
		assertThat(j.text(".standing-reputation")).isEqualTo(j.message("standing.reputation", "1,000"));
		assertThat(j.find("#level-progress").getDomAttribute("value")).isEqualTo("0");
		assertThat(j.text("#level-progress-next")).isEqualTo(j.message("standing.next", "1,000", 6));
		assertThat(j.text("#badge-first-answer .medal-name")).isEqualTo(j.message("badge.first-answer.name"));
		assertThat(j.text("#badge-trusted .medal-description")).isEqualTo(
				j.message("badge.trusted.description", "1,000"));
		j.axe("profile with badges").screenshot("profile");

		// every badge, with the ones they hold marked
		j.click("#badges a[href='/badges']");
		assertThat(j.all(".medal-catalogue > li")).hasSizeGreaterThanOrEqualTo(10);
		assertThat(j.has("#badge-first-answer.is-mine")).isTrue();
		assertThat(j.has("#badge-streak-30")).isTrue();
		assertThat(j.has("#badge-streak-30.is-mine")).isFalse();
		assertThat(j.text("#badge-first-answer .medal-mine")).isEqualTo(j.message("badges.held"));
		j.axe("badges").screenshot("badges");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberFindsTheirPlaceOnTheLeaderboardsAndSwitchesBetweenThem(String language) {
		Member climber = member("climber");
		// enough this week to be among the fifty shown, whatever else the test run did
		reputation(climber, 20_000);
		points(climber, 70_000);
		Journey j = journey("leaderboards", language).signIn(climber.username(), climber.password());

		j.click(".main-nav a[href='/leaderboards']");
		assertThat(j.find(".main-nav a[href='/leaderboards']").getDomAttribute("aria-current")).isEqualTo("page");
		assertThat(j.text("h1")).isEqualTo(j.message("leaderboards.title"));
		assertThat(j.find(".tabs a[href='/leaderboards?kind=reputation&period=week']").getDomAttribute("aria-current"))
			.isEqualTo("page");
		j.reloadUntil("the climber on this week's board", at -> row(at, climber) != null);
		WebElement row = row(j, climber);
		assertThat(row.findElement(By.cssSelector(".level [aria-hidden='true']")).getText()).isEqualTo("Lv9");
		assertThat(row.findElement(By.cssSelector(".score")).getText()).isEqualTo("20,000");
		assertThat(row.getDomAttribute("class")).contains("is-me");
		String rank = row.findElement(By.cssSelector(".rank")).getText();
		assertThat(j.text("#my-rank")).isEqualTo(j.message("leaderboards.you", rank, "20,000"));
		j.axe("leaderboards").screenshot("reputation-week");

		j.click(".tabs a[href='/leaderboards?kind=points&period=week']");
		assertThat(j.find(".tabs a[href='/leaderboards?kind=points&period=week']").getDomAttribute("aria-current"))
			.isEqualTo("page");
		j.reloadUntil("the climber's points on this week's board", at -> row(at, climber) != null);
		assertThat(row(j, climber).findElement(By.cssSelector(".score")).getText()).isEqualTo("70,000");

		j.click(".tabs a[href='/leaderboards?kind=points&period=all-time']");
		assertThat(j.text(".leaderboard caption")).isEqualTo(j.message("leaderboards.caption",
				j.message("leaderboards.kind.points"), j.message("leaderboards.window.all-time")));
		assertThat(row(j, climber)).isNotNull();
		j.axe("leaderboards all time").screenshot("points-all-time");
	}

	/** The member's row on the board shown, or null. */
	private static WebElement row(Journey j, Member member) {
		return j.all(".leaderboard tbody tr")
			.stream()
			.filter(tr -> !tr.findElements(By.cssSelector("a[href='/members/" + member.username() + "']")).isEmpty())
			.findFirst()
			.orElse(null);
	}

	private void reputation(Member member, int amount) {
		post(member, Account.REPUTATION, amount);
	}

	private void points(Member member, int amount) {
		post(member, Account.POINTS, amount);
	}

	private void post(Member member, Account account, int amount) {
		MemberId id = new MemberId(memberId(member));
		tx.executeWithoutResult(status -> ledger.post(Posting.of(id, account, amount, "journey-bonus",
				"journey:" + UUID.randomUUID())));
	}

	private boolean holds(Member member, String badge) {
		return db.queryForObject("select count(*) from member_badge where member_id = ? and badge = ?", Long.class,
				memberId(member), badge) > 0;
	}

	private long memberId(Member member) {
		return db.queryForObject("select id from member where username = ?", Long.class, member.username());
	}
}
