package com.forum.web.browser;

import java.time.Duration;

import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Watching a thread, in a real browser: told of a new reply, and back in the thread at the first unread. */
@ConcurrentIntegrationTest
class WatchingJourneysTest extends JourneyTest {

	/**
	 * A member watches a thread from its page; another replies (through the API); the watcher finds the
	 * notification in their centre and "1 new reply" in their unread list, which opens the thread at that
	 * reply.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aWatcherHearsOfANewReplyAndResumesAtTheFirstUnread(String language) {
		Member author = member("op");
		Member watcher = member("watcher");
		Journey j = journey("watch", language).signIn(watcher.username(), watcher.password());
		String title = j.say("Battery life on the Xiaomi 17 ", "小米 17 的续航 ") + marker();
		long thread = thread(author, TALK, title, j.say("A full day with the screen at 120 Hz.", "120 Hz 屏幕用一整天。"));
		reply(author, thread, j.say("Measured with the default settings.", "用默认设置测的。"));

		j.open("/threads/" + thread);
		j.choose("#thread-level", "watching");
		j.submit(form("/threads/" + thread + "/notification-level"));
		assertThat(j.find("#thread-level option[value='watching']").isSelected()).isTrue();
		assertThat(j.text("#thread-level-help")).contains(j.message("watching.level.watching.help"));
		j.axe("thread watched");

		long reply = reply(author, thread, j.say("Update: 7 hours of screen time.", "更新：亮屏 7 小时。"));
		Await.until(Duration.ofSeconds(20),
				() -> api.get("/api/v1/notifications", watcher.token()).json().get("totalItems").asLong() > 0);
		j.click(".account-nav a.notif-link");
		String told = j.message("notification.watched-reply", title, author.username());
		assertThat(texts(j.all(".notification.is-unread .notification-title > span:last-child"))).containsOnlyOnce(told);

		j.open("/unread").axe("unread");
		WebElement unread = j.find("a.badge-unread[href='/threads/" + thread + "?reply=" + reply + "']");
		assertThat(unread.getText()).isEqualTo(j.message("watching.unread.replies", 1, "1"));
		j.screenshot("unread");
		j.follow(unread);
		assertThat(j.path()).isEqualTo("/threads/" + thread);
		assertThat(j.address().getFragment()).isEqualTo("reply-" + reply);
		assertThat(j.has("#reply-" + reply)).isTrue();
	}
}
