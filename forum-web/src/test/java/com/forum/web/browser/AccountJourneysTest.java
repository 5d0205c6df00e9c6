package com.forum.web.browser;

import com.forum.web.ApiClient.Member;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
		j.click(".account-nav a[href='/register']").axe("register");
		j.type("#username", username)
			.type("#email", marker + "@journeys.example")
			.type("#password", password)
			.type("#confirmPassword", password)
			.screenshot("register");
		j.submit("form[action='/register']");

		// registering signs the newcomer in: no second form to fill
		assertThat(j.text(".account-nav .account-label")).isEqualTo(username);
		assertThat(j.has(".account-nav a[href='/login']")).isFalse();
		j.screenshot("registered");

		// signing out says so
		j.submit("form[action='/logout']");
		assertThat(j.path()).isEqualTo("/login");
		assertThat(j.has(".alert-success[role='status']")).as("a confirmation of signing out").isTrue();
		assertThat(j.has(".account-nav .account-label")).isFalse();
		j.axe("login").screenshot("signed-out");

		j.type("#username", username).type("#password", password).submit("form[action='/login']");
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
}
