package com.forum.web.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.forum.reputation.QuotaProperties;
import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reputation allows, as members meet it: controls they cannot use are disabled and say why, a
 * refused post comes back with its text and says which privilege it needs, the ladder page shows
 * where they stand, a member over today's quota reads when it resets, and a trusted member helps
 * with triage.
 */
@ConcurrentIntegrationTest
class PrivilegeJourneysTest extends JourneyTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	QuotaProperties quotas;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberWithoutAPrivilegeSeesWhyAndWhereTheyStand(String language) {
		Member author = member("author");
		Member newcomer = reputed(member("newcomer"), -5);
		boolean zh = language.startsWith("zh");
		String marker = marker();
		long petition = petition(author, (zh ? "希望支持应用分身 " : "App twins for every app ") + marker,
				zh ? "两个账号同时在线。" : "Two accounts at once.", "journey-" + marker);
		long thread = thread(author, TALK, (zh ? "新手报到 " : "Hello from a newcomer ") + marker,
				zh ? "大家好。" : "Hello everyone.");

		Journey j = journey("privilege", language).signIn(newcomer.username(), newcomer.password());
		j.open("/petitions/" + petition);
		assertThat(j.find(form("/petitions/" + petition + "/vote", " button[type='submit']")).isEnabled()).isFalse();
		assertThat(j.text("#vote-hint")).startsWith(j.message("problem.denied.privilege.detail",
				name("vote-petitions"), 0, -5));
		j.axe("petition without the vote").screenshot("vote-disabled");

		j.click("#vote-hint a[href='/privileges']");
		assertThat(j.has("#privilege-vote-petitions .not-held")).isTrue();
		assertThat(j.has("#quota-today")).isTrue();
		j.axe("privileges").screenshot("privileges");

		j.open("/threads/" + thread);
		assertThat(j.text("#like-hint")).startsWith(j.message("problem.denied.privilege.detail", name("like-posts"), 0,
				-5));
		assertThat(j.find("#post .btn-like").isEnabled()).isFalse();
		assertThat(j.text("#body-links-hint")).startsWith(j.message("problem.denied.privilege.detail",
				name("post-links-images"), 10, -5));
		String linked = j.say("Found the answer here: https://www.mi.com/support", "答案在这里：https://www.mi.com/support");
		j.type("#body", linked);
		j.submit(form("/threads/" + thread + "/replies"));
		assertThat(j.text(".alert-error")).isEqualTo(j.message("problem.denied.privilege.detail",
				name("post-links-images"), 10, -5));
		// the refused reply is still there to take the link out and send again
		assertThat(j.find("#body").getDomProperty("value")).isEqualTo(linked);
		j.axe("refused link").screenshot("link-refused");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberOverTodaysQuotaReadsWhenItResets(String language) {
		Member author = member("author");
		Member busy = member("busy");
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(zone);
		long id = db.queryForObject("select id from member where username = ?", Long.class, busy.username());
		int limit = quotas.at(1).replies();
		redis.opsForValue().set("quota:" + id + ":" + today + ":replies", Integer.toString(limit), Duration.ofDays(2));
		boolean zh = language.startsWith("zh");
		long thread = thread(author, TALK, (zh ? "今天聊得太多了 " : "A busy day ") + marker(),
				zh ? "来聊聊。" : "Let us talk.");
		String text = zh ? "今天多出来的一条回复" : "One reply too many today";

		Journey j = journey("quota", language).signIn(busy.username(), busy.password());
		j.open("/threads/" + thread).type("#body", text);
		j.submit(form("/threads/" + thread + "/replies"));

		String reset = today.plusDays(1) + " 00:00";
		assertThat(j.text(".alert-error")).isEqualTo(j.message("problem.rule.quota-exceeded",
				new DefaultMessageSourceResolvable(new String[] { "quota.replies" }, "replies"), limit, "Lv1", reset,
				zone.getId()));
		assertThat(j.find("#body").getDomProperty("value")).isEqualTo(text);
		j.axe("over quota").screenshot("over-quota");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aTrustedMemberPutsAPetitionUnderReviewAndMergesADuplicate(String language) {
		Member author = member("author");
		Member trusted = reputed(member("trusted"), 3000);
		boolean zh = language.startsWith("zh");
		String marker = marker();
		long original = petition(author, (zh ? "希望支持通话录音 " : "Call recording ") + marker,
				zh ? "录下重要通话。" : "Record important calls.", "journey-" + marker);
		long duplicate = petition(author, (zh ? "通话自动录音 " : "Record calls automatically ") + marker,
				zh ? "自动录音。" : "Automatically.", "journey-" + marker);

		Journey j = journey("helper", language).signIn(trusted.username(), trusted.password());
		j.open("/petitions/" + original).axe("petition (trusted member)");
		j.submit(form("/petitions/" + original + "/status", ".help-form"));
		assertThat(j.has(".petition-heading .status-under-review")).isTrue();
		assertThat(j.has("#history .status-under-review")).isTrue();
		j.screenshot("under-review");

		j.open("/petitions/" + duplicate).type("#status-original", Long.toString(original));
		j.submit("#help-triage form:last-of-type");
		assertThat(j.has(".notice-merged a[href='/petitions/" + original + "']")).isTrue();
		j.axe("merged by a trusted member").screenshot("merged");
	}

	private static DefaultMessageSourceResolvable name(String privilege) {
		return new DefaultMessageSourceResolvable(new String[] { "privilege." + privilege }, privilege);
	}
}
