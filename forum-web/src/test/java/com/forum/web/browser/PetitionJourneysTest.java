package com.forum.web.browser;

import java.time.Duration;

import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.Browser.enc;
import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Suggesting, voting, triage by an employee and the voter's notification, in a real browser. */
@ConcurrentIntegrationTest
class PetitionJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberSuggestsAPetitionSeeingSimilarOnesWhileTyping(String language) {
		Member earlier = member("earlier");
		Member author = member("suggester");
		boolean zh = language.startsWith("zh");
		String marker = zh ? chineseMarker() : marker();
		long existing = petition(earlier, (zh ? "希望锁屏显示双时钟" : "Dual clock on the lock screen ") + marker,
				zh ? "出差时想同时看两个城市的时间。" : "Two cities' times when travelling.", "clock");
		String title = (zh ? "锁屏双时钟" : "Lock screen dual clock ") + marker;
		Await.until(Duration.ofSeconds(20), () -> api.get("/api/v1/petitions/similar?limit=5&title=" + enc(title), null)
			.body()
			.contains("\"id\":" + existing + ","));

		Journey j = journey("suggest", language).signIn(author.username(), author.password());
		j.click(".main-nav a[href='/petitions']").axe("petitions");
		j.click("main a[href^='/petitions/new']").axe("new petition");
		j.choose("#boardId", String.valueOf(boardId(TALK))).type("#title", title);
		j.find("#similar a[href='/petitions/" + existing + "']");
		assertThat(j.text("#similar")).contains(j.say("Dual clock on the lock screen ", "希望锁屏显示双时钟") + marker);
		j.screenshot("similar");

		String tag = "journey-" + marker();
		j.type("#description", j.say("Show **two clocks** on the lock screen: home and where I am.",
				"锁屏同时显示**两个时钟**：家里和当地。"))
			.type("#deviceModel", "Xiaomi 17")
			.type("#tags", tag);
		j.click("form[data-similar] .form-actions button[type='submit']");

		assertThat(j.path()).matches("/petitions/\\d+");
		assertThat(j.text("h1.petition-heading")).contains(title);
		assertThat(j.has(".alert-success[role='status']")).as("a thank-you notice").isTrue();
		assertThat(j.text(".petition-description strong")).isEqualTo(j.say("two clocks", "两个时钟"));
		assertThat(j.all(".petition-card a.tag[href='/petitions?tag=" + tag + "']")).hasSize(1);
		assertThat(j.has(form(j.path() + "/unvote"))).as("the author backs it").isTrue();
		j.axe("petition").screenshot("petition");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberVotesForAPetition(String language) {
		Member author = member("author");
		Member voter = member("voter");
		String tag = "journey-" + marker();
		boolean zh = language.startsWith("zh");
		long petition = petition(author, zh ? "希望支持按应用调节音量" : "Per-app volume control, please",
				zh ? "每个应用单独设置音量。" : "A volume for each app.", tag);

		Journey j = journey("vote", language).signIn(voter.username(), voter.password());
		j.click(".main-nav a[href='/roadmap']").axe("roadmap");
		j.click(".main-nav a[href='/releases']").axe("releases");
		j.open("/petitions?tag=" + tag);
		j.click(".petition-list a[href='/petitions/" + petition + "']");
		assertThat(j.text(".vote-big strong")).isEqualTo("1");
		j.type("#vote-device", "Redmi Note 15").screenshot("before-vote");
		j.submit(form("/petitions/" + petition + "/vote"));

		assertThat(j.path()).isEqualTo("/petitions/" + petition);
		assertThat(j.has(".voted-flag")).isTrue();
		assertThat(j.has(form("/petitions/" + petition + "/unvote"))).isTrue();
		assertThat(j.text(".vote-big strong")).isEqualTo("2");
		assertThat(texts(j.all(".device-list .device-name"))).contains("Redmi Note 15");
		j.screenshot("voted");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void anEmployeeTriagesAndTheVoterHearsOfItButNeverSeesTheNote(String language) {
		Member author = member("author");
		Member voter = speaking(member("voter"), language);
		Member employee = staff("employee", "EMPLOYEE");
		String tag = "journey-" + marker();
		boolean zh = language.startsWith("zh");
		String title = (zh ? "希望相机支持 4K 120 帧 " : "4K 120 fps video in the camera app ") + tag;
		long petition = petition(author, title, zh ? "拍运动场面需要高帧率。" : "For sports scenes.", tag);
		vote(voter, petition, "Xiaomi 17");
		String official = zh ? "好建议！相机团队正在评估。" : "Good idea, the camera team is looking into it.";
		String secret = (zh ? "内部：第三季度才有可能，" : "Internal: Q3 at the earliest, ") + tag;
		String page = "/petitions/" + petition;

		// the employee finds it in the queue and answers it, with a note for colleagues
		Journey j = journey("triage", language).signIn(employee.username(), employee.password());
		j.click(".main-nav a[href='/triage']").axe("triage queue");
		j.type("#q-tag", tag).submit(form("/triage"));
		j.click("table.queue a[href='" + page + "']");
		j.choose("#status-to", "UNDER_REVIEW").type("#status-response", official);
		j.submit(form(page + "/status"));
		j.type("#note-body", secret).submit(form(page + "/notes"));

		assertThat(texts(j.all(".note-list .note-body"))).containsExactly(secret);
		assertThat(texts(j.all("#history .timeline-response"))).anySatisfy(text -> assertThat(text).contains(official));
		assertThat(j.has("#history .status-under-review")).isTrue();
		j.axe("petition (employee)").screenshot("triaged");
		j.click(".main-nav a[href='/triage']").click(".tabs a[href='/triage/dashboard']");
		j.axe("triage dashboard").screenshot("dashboard");

		// the voter hears of it, in the header and in the notification centre, and never sees the note
		Await.until(Duration.ofSeconds(20),
				() -> api.get("/api/v1/notifications", voter.token()).json().get("totalItems").asLong() > 0);
		j.as(voter.username(), voter.password());
		assertThat(j.has(".account-nav .notif-count")).as("the unread count in the header").isTrue();
		j.click(".account-nav a.notif-link");
		assertThat(j.path()).isEqualTo("/notifications");
		String inbox = j.text(".notification-list");
		assertThat(inbox).contains(title, official).doesNotContain(secret);
		assertThat(j.all(".notification.is-unread")).isNotEmpty();
		// in the voter's language, from the bundles
		assertThat(texts(j.all(".notification .notification-title > span:last-child")))
			.contains(j.message("notification.petition-status.UNDER_REVIEW", title));
		j.axe("notifications").screenshot("notified");

		j.submit(".notification.is-unread form.notification-open");
		assertThat(j.path()).isEqualTo(page);
		assertThat(j.source()).doesNotContain(secret);
		assertThat(j.has("#triage")).isFalse();
		assertThat(j.has(".note-list")).isFalse();
		assertThat(texts(j.all("#history .timeline-response"))).anySatisfy(text -> assertThat(text).contains(official));
		j.screenshot("voter-sees");
	}
}
