package com.forum.web.i18n;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberSettings;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import com.forum.web.Outbox;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages speak the reader's language: the browser's, then the switch's (cookie), then the profile's. */
@IntegrationTest
class LanguageIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberSettings settings;

	@Test
	void pagesFollowTheLanguageTheBrowserAsksFor() {
		assertThat(lang(new Browser(port).speaking("zh-CN,zh;q=0.9,en;q=0.8").get("/"))).isEqualTo("zh-CN");
		assertThat(lang(new Browser(port).speaking("zh-TW,zh;q=0.9").get("/"))).isEqualTo("zh-CN");
		assertThat(lang(new Browser(port).speaking("en-GB,en;q=0.9").get("/"))).isEqualTo("en");
		// a language the forum does not speak, then one it does: the first it speaks wins
		assertThat(lang(new Browser(port).speaking("fr-FR,zh;q=0.5").get("/"))).isEqualTo("zh-CN");
		assertThat(lang(new Browser(port).speaking("fr-FR").get("/"))).isEqualTo("en");
		assertThat(lang(new Browser(port).get("/"))).isEqualTo("en");

		String chinese = new Browser(port).speaking("zh-CN").get("/").body();
		assertThat(chinese).contains("跳到正文", "登录", "注册").doesNotContain("Skip to content");
	}

	@Test
	void theSwitchIsRememberedInTheBrowserAndReturnsToThePage() {
		Browser browser = new Browser(port).speaking("en");
		HttpResponse<String> switched = browser.post("/language",
				"lang=zh-CN&next=" + enc("/search?q=battery") + "&_csrf=" + enc(browser.csrf()));
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/search?q=battery");
		assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow()).contains("forum_lang=zh-CN", "HttpOnly");

		// the cookie outranks the browser's own list
		assertThat(lang(browser.get("/petitions"))).isEqualTo("zh-CN");
	}

	@Test
	void aVisitorSwitchesWithoutAFormTokenAndAMembersLinkChangesNothing() {
		Browser visitor = new Browser(port).speaking("en");
		String form = Jsoup.parse(visitor.get("/").body()).select("form.lang-switch").outerHtml();
		assertThat(form).contains("method=\"get\"").doesNotContain("_csrf");

		HttpResponse<String> switched = visitor.get("/language?lang=zh-CN&next=" + enc("/boards/hyperos"));
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/boards/hyperos");
		assertThat(lang(visitor.get("/"))).isEqualTo("zh-CN");
		assertThat(visitor.get("/language?lang=xx").statusCode()).isEqualTo(400);
		assertThat(visitor.get("/language?lang=en&next=" + enc("//evil.example/")).headers().firstValue("Location")
			.orElseThrow()).matches("https?://127\\.0\\.0\\.1:\\d+/");

		Member member = new ApiClient(port).newMember("linked");
		Browser signedIn = new Browser(port).speaking("en").signIn(member);
		assertThat(Jsoup.parse(signedIn.get("/").body()).select("form.lang-switch").attr("method")).isEqualTo("post");
		assertThat(signedIn.get("/language?lang=zh-CN").statusCode()).isEqualTo(302);
		assertThat(lang(signedIn.get("/"))).isEqualTo("en");
		assertThat(settings.preferences(directory.profile(member.username()).id()).language()).isNotEqualTo(
				Locale.forLanguageTag("zh-CN"));
	}

	@Test
	void aSignedInMembersChoiceFollowsThemToAnotherBrowser() {
		Member member = new ApiClient(port).newMember("polyglot");
		Browser phone = new Browser(port).speaking("en").signIn(member);
		phone.post("/language", "lang=zh-CN&next=/&_csrf=" + enc(phone.csrf()));
		assertThat(settings.preferences(directory.profile(member.username()).id()).language().toLanguageTag())
			.isEqualTo("zh-CN");

		Browser laptop = new Browser(port).speaking("en-US").signIn(member);
		assertThat(lang(laptop.get("/"))).isEqualTo("zh-CN");
	}

	@Test
	void theSwitchRefusesUnknownLanguagesAndNeverLeavesTheSite() {
		Browser browser = new Browser(port);
		assertThat(browser.post("/language", "lang=xx&_csrf=" + enc(browser.csrf())).statusCode()).isEqualTo(400);
		for (String away : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example", "evil" }) {
			HttpResponse<String> switched = browser.post("/language",
					"lang=en&next=" + enc(away) + "&_csrf=" + enc(browser.csrf()));
			assertThat(switched.headers().firstValue("Location").orElseThrow()).as(away)
				.matches("https?://127\\.0\\.0\\.1:\\d+/");
		}
		// braces are text, not template variables of the redirect
		HttpResponse<String> braces = browser.post("/language",
				"lang=en&next=" + enc("/search?q={x}") + "&_csrf=" + enc(browser.csrf()));
		assertThat(braces.statusCode()).isEqualTo(302);
	}

	@Test
	void registeringKeepsTheBrowsersLanguageForTheConfirmationMailAndTheSite() {
		Browser browser = new Browser(port).speaking("zh-CN,zh;q=0.9");
		String username = "xin-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> registered = browser.post("/register",
				"username=" + enc(username) + "&email=" + enc(username + "@test.example")
						+ "&password=long-enough-pw&confirmPassword=long-enough-pw&_csrf=" + enc(browser.csrf()));
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location").orElseThrow()).endsWith("/register/sent");
		assertThat(browser.get("/register/sent").body()).contains("请查收邮件");
		assertThat(settings.preferences(directory.profile(username).id()).language().toLanguageTag())
			.isEqualTo("zh-CN");
		assertThat(Outbox.latestLink(username + "@test.example", "/account/confirm?token=")).isNotBlank();
		assertThat(Outbox.to(username + "@test.example").getFirst().subject()).isEqualTo("请确认你的邮箱地址");

		browser.signIn(username, "long-enough-pw");
		HttpResponse<String> signedOut = browser.post("/logout", "_csrf=" + enc(browser.csrf()));
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
	}

	private static String lang(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		var matcher = java.util.regex.Pattern.compile("<html lang=\"([^\"]+)\"").matcher(page.body());
		assertThat(matcher.find()).as("an html element with a lang").isTrue();
		return matcher.group(1);
	}
}
