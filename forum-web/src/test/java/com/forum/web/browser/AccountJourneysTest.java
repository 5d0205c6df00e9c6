package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;

import static com.forum.web.Browser.enc;
import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, signing out and in, and an administrator's page, in a real browser. */
@IntegrationTest
class AccountJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aNewcomerRegistersIsSignedInSignsOutAndSignsInAgain(String language) {
		Journey j = journey("account", language);
		String marker = marker();
		String username = j.say("newfan_", "新米粉_") + marker;
		String password = "sunset over " + marker;

		j.open("/").axe("home").screenshot("home");
		// the first Tab lands on the skip link, which shows itself
		j.keys(Keys.TAB);
		assertThat(j.focused().getDomAttribute("href")).isEqualTo("#main");
		assertThat(j.focusIsVisible()).as("the focused skip link is visible").isTrue();

		// the form filled and sent with the keyboard alone
		j.click(".account-nav a[href='/register']").axe("register");
		j.find("#username").click();
		j.keys(username, Keys.TAB);
		assertThat(j.focused().getDomAttribute("id")).isEqualTo("email");
		assertThat(j.focusIsVisible()).as("the focused field is marked").isTrue();
		j.keys(marker + "@journeys.example", Keys.TAB);
		assertThat(j.focused().getDomAttribute("id")).isEqualTo("password");
		j.keys(password, Keys.TAB);
		assertThat(j.focused().getDomAttribute("id")).isEqualTo("confirmPassword");
		j.keys(password).screenshot("register");
		j.keysAndLoad(Keys.ENTER);

		// registering signs the newcomer in: no second form to fill
		assertThat(j.text(".account-nav .account-label")).isEqualTo(username);
		assertThat(j.has(".account-nav a[href='/login']")).isFalse();
		assertThat(j.text(form("/logout", " button"))).isEqualTo(j.message("layout.sign-out"));
		j.screenshot("registered");

		// signing out says so
		j.submit(form("/logout"));
		assertThat(j.path()).isEqualTo("/login");
		assertThat(j.has(".alert-success[role='status']")).as("a confirmation of signing out").isTrue();
		assertThat(j.has(".account-nav .account-label")).isFalse();
		assertThat(j.text(".account-nav a[href='/login']")).isEqualTo(j.message("layout.sign-in"));
		j.axe("login").screenshot("signed-out");

		j.type("#username", username).type("#password", password).submit(form("/login"));
		assertThat(j.text(".account-nav .account-label")).isEqualTo(username);

		j.click(".account-nav a.account-name");
		assertThat(j.text("h1.profile-name")).contains(username);
		j.axe("profile").screenshot("profile");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void anAdministratorOpensTheEventDeliveries(String language) {
		Member admin = staff("admin", "ADMIN");
		Journey j = journey("admin", language).signIn(admin.username(), admin.password());

		j.click(".main-nav a[href='/admin/event-publications']");
		assertThat(j.path()).isEqualTo("/admin/event-publications");
		assertThat(j.all(".tabs a[href^='/admin/event-publications?state=']")).hasSizeGreaterThanOrEqualTo(3);
		j.axe("admin deliveries").screenshot("deliveries");

		// a member is turned away
		Member member = member("curious");
		j.as(member.username(), member.password());
		assertThat(j.has(".main-nav a[href='/admin/event-publications']")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aReaderSwitchesLanguageAndTheChoiceStaysAcrossPagesSignInAndDevices(String language) {
		String other = language.equals("en") ? "zh-CN" : "en";
		Member member = member("polyglot");
		Journey j = journey("language", language);

		// the browser's language first
		j.open("/search?q=" + enc("夜景"));
		assertThat(j.text(".main-nav a[href='/petitions']")).isEqualTo(j.message("layout.nav.petitions"));
		j.screenshot("browser-language");

		// a visitor switches: the same page comes back in the other language, and the next pages follow
		j.switchLanguage(other);
		assertThat(j.address().getQuery()).isEqualTo("q=夜景");
		assertThat(j.text(".main-nav a[href='/petitions']")).isEqualTo(j.message("layout.nav.petitions"));
		j.screenshot("switched");
		j.click(".main-nav a[href='/petitions']").click(".main-nav a[href='/roadmap']").open("/login");

		// signing in keeps it
		j.type("#username", member.username()).type("#password", member.password()).submit(form("/login"));
		assertThat(j.text(form("/logout", " button"))).isEqualTo(j.message("layout.sign-out"));

		// a member's switch goes into the profile: on another device, whatever it asks for, signing in brings it back
		j.switchLanguage(language);
		j.freshSession().speak(other).expectLanguage(other);
		j.open("/login");
		assertThat(j.text(".account-nav a[href='/login']")).isEqualTo(j.message("layout.sign-in"));
		j.type("#username", member.username()).type("#password", member.password());
		j.expectLanguage(language).submit(form("/login"));
		assertThat(j.text(".account-nav .account-label")).isEqualTo(member.username());
		j.click(".account-nav a.notif-link");
		assertThat(j.text(form("/logout", " button"))).isEqualTo(j.message("layout.sign-out"));
		j.screenshot("profile-language");
	}
}
