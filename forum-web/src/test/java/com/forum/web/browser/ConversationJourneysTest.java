package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private messages as people meet them: a member starts a conversation with another from the inbox,
 * the other sees the unread badge in the header, opens the conversation from the inbox and replies.
 */
@ConcurrentIntegrationTest
class ConversationJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberStartsAConversationAndTheOtherSeesTheBadgeOpensItAndReplies(String language) {
		Member alice = reputed(member("alice"), 100);
		Member bob = member("bob");
		String subject = language.startsWith("zh") ? "周六的聚会 " + marker() : "Saturday's meet-up " + marker();

		Journey j = journey("messages", language).signIn(alice.username(), alice.password());
		j.click(".account-nav a.messages-link");
		assertThat(j.path()).isEqualTo("/messages");
		j.click("a[href='/messages/new']");
		j.type("#recipients", bob.username())
			.type("#subject", subject)
			.type("#body", j.say("Are you coming on **Saturday**?", "你**周六**来吗？"));
		j.submit(form("/messages"));
		assertThat(j.path()).startsWith("/messages/");
		String conversation = j.path();
		assertThat(j.text("h1")).isEqualTo(subject);
		assertThat(j.text(".conversation-messages strong")).isEqualTo(j.say("Saturday", "周六"));

		j.as(bob.username(), bob.password());
		j.open("/").reloadUntil("the unread badge", page -> page.has(".messages-count"));
		assertThat(j.text(".messages-count")).contains("1");
		j.click(".account-nav a.messages-link");
		assertThat(j.text(".conversation-list")).contains(subject).contains(j.message("messages.inbox.unread", 1));
		j.axe("inbox with an unread conversation");
		j.click(".conversation-list a[href='" + conversation + "']");
		assertThat(j.has(".messages-count")).as("opening it read it").isFalse();
		j.type("#body", j.say("Yes, see you there.", "来，到时见。"));
		j.submit(form(conversation + "/messages"));
		assertThat(j.text(".conversation-messages")).contains(j.say("Yes, see you there.", "来，到时见。"));
		j.axe("conversation").screenshot("conversation");
	}
}
