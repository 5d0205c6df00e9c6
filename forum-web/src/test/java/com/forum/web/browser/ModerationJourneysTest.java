package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags and hidden posts as people meet them: a trusted member flags one reply and hides another
 * from the thread, readers see a notice where the hidden reply was, and a moderator opens the review
 * queue, keeps the hidden reply and removes the flagged one. A moderator features a thread (精华):
 * readers find it on the featured list, and its author hears of it.
 */
@ConcurrentIntegrationTest
class ModerationJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aTrustedMemberFlagsAndHidesRepliesAndAModeratorKeepsOneAndRemovesTheOther(String language) {
		boolean zh = language.startsWith("zh");
		Member author = member("author");
		Member trusted = reputed(member("trusted"), 1000);
		Member moderator = staff("moderator", "MODERATOR");
		String marker = marker();
		long thread = thread(member("asker"), TALK, (zh ? "充电很慢 " : "Slow charging ") + marker,
				zh ? "充电要三个小时。" : "It takes three hours.");
		long spam = reply(author, thread, zh ? "加我买便宜的充电器 " + marker : "Cheap chargers, message me " + marker);
		long heated = reply(author, thread, zh ? "你们都不懂充电" : "You all know nothing about charging");

		Journey j = journey("moderation", language).signIn(trusted.username(), trusted.password());
		j.open("/threads/" + thread);
		assertThat(j.has("#reply-" + spam + " .flag-tool")).isTrue();
		assertThat(j.has("#post .flag-tool")).as("the asker's opening post can be flagged too").isTrue();
		j.find("#reply-" + spam + " .flag-tool summary").click();
		j.choose("#flag-reason-r" + spam, "spam").type("#flag-note-r" + spam, j.say("Advertising", "广告"));
		j.axe("thread with the flag form open").screenshot("flag-form");
		j.submit(form("/threads/" + thread + "/replies/" + spam + "/flag"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("moderation.notice.flagged"));

		j.find("#reply-" + heated + " .hide-tool summary").click();
		j.choose("#hide-reason-r" + heated, "rude");
		j.submit(form("/threads/" + thread + "/replies/" + heated + "/hide"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("moderation.notice.hidden"));
		assertThat(j.text("#reply-" + heated + " .notice-hidden")).isEqualTo(j.message("moderation.hidden.notice"));
		assertThat(j.has("#reply-" + heated + " .post-body")).as("readers do not see it").isFalse();
		j.axe("thread with a hidden reply").screenshot("hidden-reply");

		j.as(moderator.username(), moderator.password());
		j.open("/threads/" + thread);
		assertThat(j.text("#reply-" + heated + " .hidden-banner")).isEqualTo(j.message("moderation.hidden.banner"));
		j.click("a[href='/moderation?thread=" + thread + "']");
		assertThat(j.has("#review-reply-" + spam + " .flags-spam")).isTrue();
		assertThat(j.text("#review-reply-" + heated + " .review-hidden")).startsWith(
				j.message("moderation.hidden.by", trusted.username(), j.message("moderation.reason.rude")));
		j.axe("review queue").screenshot("queue");

		j.submit(form("/moderation/replies/" + heated + "/keep"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("moderation.notice.kept"));
		assertThat(j.has("#review-reply-" + heated)).isFalse();
		j.submit(form("/moderation/replies/" + spam + "/remove"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("moderation.notice.removed"));
		assertThat(j.has("#review-reply-" + spam)).isFalse();
		assertThat(j.text(".empty")).isEqualTo(j.message("moderation.empty"));
		j.axe("review queue, all decided").screenshot("queue-empty");

		j.open("/threads/" + thread);
		assertThat(j.has("#reply-" + heated + " .notice-hidden")).isFalse();
		assertThat(j.has("#reply-" + spam + ".is-deleted")).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aModeratorFeaturesAThreadThatReadersFindOnTheFeaturedListAndItsAuthorHearsOf(String language) {
		boolean zh = language.startsWith("zh");
		Member author = member("guide");
		Member moderator = staff("moderator", "MODERATOR");
		String title = (zh ? "夜景模式完全指南 " : "The complete night mode guide ") + marker();
		long thread = thread(author, TALK, title, zh ? "三脚架、曝光和设置。" : "Tripods, exposure and settings.");

		Journey j = journey("featured", language).signIn(moderator.username(), moderator.password());
		j.open("/threads/" + thread);
		assertThat(j.has(".thread-title .badge-featured")).isFalse();
		j.submit(form("/threads/" + thread + "/feature"));
		assertThat(j.text(".thread-title .badge-featured")).isEqualTo(j.message("topic.badge.featured"));
		assertThat(j.text(".mod-tools")).contains(j.message("thread.mod.unfeature"));
		j.axe("featured thread (moderator)").screenshot("featured-thread");

		j.freshSession().open("/");
		j.click(".home-lists a[href='/featured']");
		assertThat(j.path()).isEqualTo("/featured");
		assertThat(j.text("h1")).isEqualTo(j.message("topics.featured.title"));
		assertThat(j.text(".topic-list")).contains(title);
		j.axe("featured list").screenshot("featured-list");
		j.click(".tabs a[href='/hot']");
		assertThat(j.text("h1")).isEqualTo(j.message("topics.hot.title"));
		// the week's threads of every journey compete here, so this one need not be among the first
		assertThat(j.all(".topic-list .topic-row")).isNotEmpty();
		j.axe("hot this week").screenshot("hot-list");

		j.signIn(author.username(), author.password());
		j.open("/notifications").reloadUntil("the featured notification",
				page -> page.text(".notification-list").contains(j.message("notification.topic-featured", title)));
		j.axe("notifications (featured)").screenshot("featured-notified");
	}
}
