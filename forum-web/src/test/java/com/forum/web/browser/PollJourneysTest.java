package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/** A thread started with a poll, voted in, its results read, and a reply kept in the member's bookmarks. */
@ConcurrentIntegrationTest
class PollJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberStartsAThreadWithAPollVotesAndBookmarksAReply(String language) {
		Member author = member("pollster");
		Member helper = member("helper");
		Journey j = journey("poll", language).signIn(author.username(), author.password());
		String title = j.say("Which case do you use? ", "你用什么手机壳？") + marker();
		String question = j.say("Your case?", "你的手机壳？");
		String leather = j.say("Leather", "皮革");

		j.open("/boards/" + TALK + "/new");
		j.type("#title", title).type("#body", j.say("Tell us below.", "在下面告诉我们。"));
		j.find("details.poll-section summary").click();
		j.type("#poll\\.question", question)
			.type("#poll\\.options", leather + "\n" + j.say("Silicone", "硅胶") + "\n" + j.say("None", "不用"));
		j.axe("new thread with a poll");
		j.submit(form("/boards/" + TALK + "/threads"));

		assertThat(j.path()).matches("/threads/\\d+");
		long thread = Long.parseLong(j.path().substring("/threads/".length()));
		assertThat(j.text("#poll-question")).contains(question);
		assertThat(j.has(".poll-results")).as("no results before voting").isFalse();
		j.find(".poll-vote input[name=option]").click();
		j.submit(form("/threads/" + thread + "/poll/vote"));

		assertThat(j.text(".poll-result.is-chosen .poll-label")).contains(leather);
		assertThat(j.text(".poll-result.is-chosen .poll-figure")).contains("100%");
		assertThat(j.text(".poll-voters")).isEqualTo(j.message("polls.voters", 1, "1"));
		j.axe("thread with poll results");

		String kept = j.say("A leather case ages well. ", "皮革手机壳越用越好看。") + marker();
		long reply = reply(helper, thread, kept);
		j.open("/threads/" + thread);
		j.submit(form("/threads/" + thread + "/replies/" + reply + "/bookmark"));
		assertThat(j.find("#reply-" + reply + " .btn-bookmark").getDomAttribute("aria-pressed")).isEqualTo("true");
		j.click(".account-nav a[href='/bookmarks']");

		assertThat(j.path()).isEqualTo("/bookmarks");
		assertThat(j.text(".bookmark-title")).contains(title);
		assertThat(j.text(".bookmark-excerpt")).isEqualTo(kept.strip());
		j.axe("bookmarks").screenshot("bookmarks");
	}
}
