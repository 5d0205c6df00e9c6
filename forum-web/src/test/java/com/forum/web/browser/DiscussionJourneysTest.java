package com.forum.web.browser;

import java.time.Duration;

import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static com.forum.web.Browser.enc;
import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads, replies with quotes and mentions (and the mentioned member's notification), likes, accepted
 * answers and search, in a real browser.
 */
@ConcurrentIntegrationTest
class DiscussionJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberStartsAThreadWrittenInMarkdown(String language) {
		// links are a privilege: this author's reputation reaches it
		Member author = reputed(member("author"), 10);
		Journey j = journey("thread", language).signIn(author.username(), author.password());
		String marker = marker();
		String title = j.say("Night mode first impressions ", "夜景模式初体验 ") + marker;
		String bold = j.say("really sharp", "非常清晰");
		String[] steps = { j.say("Turn on night mode", "打开夜景模式"), j.say("Hold the phone still", "保持手机稳定") };
		String link = j.say("the Xiaomi site", "小米官网");

		j.open("/boards/" + TALK).axe("board");
		j.click("a[href='/boards/" + TALK + "/new']").axe("new thread");
		j.type("#title", title)
			.type("#body", j.say("Night shots are ", "夜景照片") + "**" + bold + "**" + j.say(". Tips:", "。小技巧：")
					+ "\n\n- " + steps[0] + "\n- " + steps[1] + "\n\n[" + link + "](https://www.mi.com/)\n")
			.screenshot("new-thread");
		j.submit(form("/boards/" + TALK + "/threads"));

		assertThat(j.path()).matches("/threads/\\d+");
		assertThat(j.text("h1.thread-title")).contains(title);
		assertThat(j.text("#post .post-body strong")).isEqualTo(bold);
		assertThat(texts(j.all("#post .post-body ul > li"))).containsExactly(steps);
		assertThat(j.text("#post .post-body a[href='https://www.mi.com/']")).isEqualTo(link);
		j.axe("thread").screenshot("thread");
	}

	/**
	 * A reader quotes a helper's reply and mentions them, the name completed as it is typed; the helper
	 * hears of it once (a mention, which outranks the quote) in their notification centre, follows it to
	 * the reply and answers there.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberRepliesQuotingAndMentioningAnotherMemberWhoIsToldAndAnswers(String language) {
		Member asker = member("asker");
		Member helper = member("helper");
		Member reader = member("reader");
		String marker = marker();
		boolean zh = language.startsWith("zh");
		String title = (zh ? "充电很慢怎么办 " : "Slow charging after the update ") + marker;
		long thread = thread(asker, TALK, title, zh ? "更新后充电变慢了。" : "Charging got slow after the update.");
		String quoted = zh ? "换一根原装数据线试试，我的就好了。" : "Try the original cable; that fixed mine.";
		long reply = reply(helper, thread, quoted);

		Journey j = journey("quote", language).signIn(reader.username(), reader.password());
		j.open("/threads/" + thread);
		j.click("a[href='/threads/" + thread + "/reply?quote=" + reply + "']");
		assertThat(j.text(".quoted-preview .post-body")).contains(quoted);
		assertThat(j.text(".quoted-preview .post-author")).isEqualTo(helper.username());
		String mine = j.say("Same here, the cable was the culprit ", "同感，问题出在数据线 ") + marker;
		// the name is completed from its first letters, as the reader types them
		j.type("#body", mine + " @" + helper.username().substring(0, helper.username().length() - 2));
		WebElement suggestion = j.find("#mention-suggestions [role=option][data-username='" + helper.username() + "']");
		// checked and shown with the list of names open
		j.axe("reply").screenshot("quote");
		suggestion.click();
		assertThat(j.find("#body").getDomProperty("value")).isEqualTo(mine + " @" + helper.username() + " ");
		j.submit(form("/threads/" + thread + "/replies"));

		assertThat(j.path()).isEqualTo("/threads/" + thread);
		WebElement posted = j.all("article.post[id^='reply-']")
			.stream()
			.filter(post -> post.findElement(By.cssSelector(".post-body")).getText().contains(mine))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the new reply is not on the thread"));
		assertThat(posted.findElement(By.cssSelector(".quote-box .quote-who a")).getText()).contains(helper.username());
		assertThat(posted.findElement(By.cssSelector(".quote-box .quote-text")).getText()).contains(quoted);
		assertThat(posted.findElement(By.cssSelector(".quote-box .quote-who a")).getDomAttribute("href"))
			.contains("reply=" + reply);
		assertThat(posted.findElement(By.cssSelector(".post-body a[href='/members/" + helper.username() + "']"))
			.getText()).isEqualTo("@" + helper.username());
		String mentioning = posted.getDomAttribute("id");
		j.screenshot("quoted");

		// the helper hears of it in the centre, in their language, once: a mention, not also a quote
		Await.until(Duration.ofSeconds(20),
				() -> api.get("/api/v1/notifications", helper.token()).json().get("totalItems").asLong() > 0);
		j.as(helper.username(), helper.password());
		j.click(".account-nav a.notif-link");
		String told = j.message("notification.mention", title, reader.username());
		assertThat(texts(j.all(".notification.is-unread .notification-title > span:last-child"))).containsOnlyOnce(told)
			.doesNotContain(j.message("notification.quote", title, reader.username()));
		j.screenshot("mentioned");
		j.follow(j.all(".notification.is-unread .notification-title")
			.stream()
			.filter(button -> button.getText().contains(told))
			.findFirst()
			.orElseThrow());
		assertThat(j.path()).isEqualTo("/threads/" + thread);
		assertThat(j.has("#" + mentioning)).as("the page with the mentioning reply").isTrue();
		String answer = j.say("Glad it helped, ", "很高兴能帮上忙，") + reader.username();
		j.type("#body", answer);
		j.submit(form("/threads/" + thread + "/replies"));
		assertThat(texts(j.all("article.post[id^='reply-'] .post-body"))).anySatisfy(text -> assertThat(text)
			.contains(answer));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberLikesAPost(String language) {
		Member author = member("liked");
		Member fan = member("fan");
		long thread = thread(author, TALK, "Wallpaper of the week " + marker(), "**Sunset** over the lake.");

		Journey j = journey("like", language).signIn(fan.username(), fan.password());
		j.open("/threads/" + thread);
		WebElement like = j.find(form("/threads/" + thread + "/like", " button"));
		assertThat(like.getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(like.findElement(By.cssSelector(".like-count")).getText()).isEqualTo("0");
		j.follow(like);

		WebElement liked = j.find(form("/threads/" + thread + "/unlike", " button.is-liked"));
		assertThat(liked.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(liked.findElement(By.cssSelector(".like-count")).getText()).isEqualTo("1");
		j.screenshot("liked");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void theAskerAcceptsAnAnswerOnASupportBoard(String language) {
		Member asker = member("asker");
		Member helper = member("helper");
		boolean zh = language.startsWith("zh");
		long question = thread(asker, HELP, (zh ? "怎么把数据迁移到新手机？" : "How do I move my data to a new phone? ") + marker(),
				zh ? "想保留聊天记录和照片。" : "I want to keep my chats and photos.");
		long answer = reply(helper, question, zh ? "两台手机都用**小米换机**。" : "Use **Mi Mover** on both phones.");

		Journey j = journey("accept", language).signIn(asker.username(), asker.password());
		j.open("/boards/" + HELP);
		j.click(".topic-list a[href='/threads/" + question + "']");
		assertThat(j.has(".badge-solved")).isFalse();
		j.submit(form("/threads/" + question + "/accept"));

		assertThat(j.find("#reply-" + answer).getDomAttribute("class")).contains("is-accepted");
		assertThat(j.has("#reply-" + answer + " .accepted-flag")).isTrue();
		assertThat(j.has("h1.thread-title .badge-solved")).isTrue();
		assertThat(j.find(".notice-solved a").getDomAttribute("href")).contains("reply=" + answer);
		assertThat(j.has(form("/threads/" + question + "/accept"))).isFalse();
		j.screenshot("accepted");

		// solved: the asker rates the help with one click, and may change their mind
		j.click("#rating button[name='rating'][value='4']");
		assertThat(j.text(".rating-thanks strong")).isEqualTo(j.message("satisfaction.score.4"));
		j.click("#rating button[name='rating'][value='5']");
		assertThat(j.text(".rating-thanks strong")).isEqualTo(j.message("satisfaction.score.5"));
		assertThat(j.find("#rating button[value='5']").getDomAttribute("aria-pressed")).isEqualTo("true");
		j.axe("thread (rated)").screenshot("rated");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aVisitorSearchesInChineseAndSeesTheMatchesHighlighted(String language) {
		Member author = member("writer");
		String marker = chineseMarker();
		long thread = thread(author, TALK, "小米澎湃OS 夜景模式" + marker, "夜景模式比上一代**更清晰**，" + marker + "噪点明显减少。");
		String query = "夜景" + marker;
		Await.until(Duration.ofSeconds(20),
				() -> api.get("/api/v1/search?q=" + enc(query), null).json().get("totalItems").asLong() > 0);

		Journey j = journey("search", language);
		j.open("/");
		j.type("#header-q", query).submit("form.header-search");

		assertThat(j.path()).isEqualTo("/search");
		assertThat(j.find("#q").getDomProperty("value")).isEqualTo(query);
		WebElement hit = j.find("ol.hits li.hit");
		assertThat(hit.findElement(By.cssSelector(".hit-title a")).getDomAttribute("href")).isEqualTo("/threads/" + thread);
		String marked = String.join("", texts(hit.findElements(By.cssSelector(".hit-title mark"))));
		assertThat(marked).contains("夜", "景").contains(marker.split(""));
		assertThat(texts(hit.findElements(By.cssSelector(".hit-snippet mark")))).isNotEmpty();
		j.axe("search").screenshot("search");
	}
}
