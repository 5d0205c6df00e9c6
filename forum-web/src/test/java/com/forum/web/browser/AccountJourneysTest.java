package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.ConcurrentIntegrationTest;
import com.forum.web.Outbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;

import static com.forum.web.Browser.enc;
import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering and confirming the address, signing out and in, a forgotten password, signing out
 * everywhere, and an administrator's page, in a real browser.
 */
@ConcurrentIntegrationTest
class AccountJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aNewcomerRegistersConfirmsTheirAddressAndSignsInAgain(String language) {
		Journey j = journey("account", language);
		String marker = marker();
		String username = j.say("newfan_", "新米粉_") + marker;
		String password = "sunset over " + marker;
		String address = marker + "@journeys.example";

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
		j.keys(address, Keys.TAB);
		assertThat(j.focused().getDomAttribute("id")).isEqualTo("password");
		j.keys(password, Keys.TAB);
		assertThat(j.focused().getDomAttribute("id")).isEqualTo("confirmPassword");
		j.keys(password).screenshot("register");
		j.keysAndLoad(Keys.ENTER);

		// the same answer whatever the address: check your inbox
		assertThat(j.path()).isEqualTo("/register/sent");
		assertThat(j.text("h1")).isEqualTo(j.message("inbox.heading"));
		j.axe("check inbox").screenshot("check-inbox");

		// signed in before confirming: reading works, posting says why not and mails a new link
		j.signIn(username, password);
		j.open("/account/unconfirmed").axe("unconfirmed").screenshot("unconfirmed");
		j.submit(form("/account/confirmation"));
		assertThat(j.has(".alert-success[role='status']")).as("a new link is on its way").isTrue();

		// the link in the mail asks for one click
		String link = Outbox.latestLink(address, "/account/confirm?token=");
		j.open(link.substring(link.indexOf("/account/confirm"))).axe("confirm").screenshot("confirm");
		j.submit(form("/account/confirm"));
		assertThat(j.path()).isEqualTo("/account/unconfirmed");
		assertThat(j.text(".alert-success")).isEqualTo(j.message("unconfirmed.done"));

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
		j.click("#account-security");
		assertThat(j.text("h1")).isEqualTo(j.message("security.heading"));
		j.axe("account security").screenshot("security");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberForgetsTheirPasswordSetsANewOneAndSignsOutEverywhere(String language) {
		Member member = member("forgetful");
		String address = member.username() + "@test.example";
		String newPassword = "lanterns by the river " + marker();
		Journey j = journey("password", language);

		j.open("/login").click("a[href='/password/forgot']").axe("forgot").screenshot("forgot");
		j.type("#email", address).submit(form("/password/forgot"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("forgot.sent"));
		j.axe("forgot sent");

		String link = Outbox.latestLink(address, "/password/reset?token=");
		j.open(link.substring(link.indexOf("/password/reset"))).axe("reset").screenshot("reset");
		// too easy a password is refused on the form, in the reader's language, and the link still works
		j.type("#newPassword", "password1").type("#confirmPassword", "password1").submit(form("/password/reset"));
		assertThat(j.text("#new-error")).contains(j.message("problem.invalid.weak-password"));
		j.axe("reset refused");
		j.type("#newPassword", newPassword).type("#confirmPassword", newPassword).submit(form("/password/reset"));
		assertThat(j.path()).isEqualTo("/login");
		assertThat(j.text(".alert-success")).isEqualTo(j.message("login.reset"));

		j.signIn(member.username(), newPassword);
		j.open("/account/security").submit(form("/account/sign-out-everywhere"));
		assertThat(j.path()).isEqualTo("/login");
		assertThat(j.text(".alert-success")).isEqualTo(j.message("login.everywhere"));
		j.axe("signed out everywhere").screenshot("everywhere");
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
