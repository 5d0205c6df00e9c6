package com.forum.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser is trusted for the account it signed in to, until the trust ends, and only with an intact cookie. */
class TrustedDevicesTest {

	private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

	@Test
	void theCookieSetOnSignInTrustsThatBrowserForThatAccountOnly() {
		TrustedDevices devices = devices(NOW, "a secret");
		Cookie cookie = trust(devices, "member:12");

		assertThat(devices.deviceFor(with(cookie), "member:12")).isPresent();
		assertThat(devices.deviceFor(with(cookie), "member:13")).isEmpty();
		assertThat(devices.deviceFor(new MockHttpServletRequest(), "member:12")).isEmpty();
	}

	@Test
	void aTamperedExpiredOrForeignCookieIsNotTrusted() {
		Cookie cookie = trust(devices(NOW, "a secret"), "member:12");
		String[] parts = cookie.getValue().split("\\.");
		String otherAccount = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[0]))
				.replace("member:12", "member:1")
				.getBytes());

		assertThat(devices(NOW, "a secret").deviceFor(with(new Cookie("forum_device", otherAccount + "." + parts[1])),
				"member:1")).isEmpty();
		assertThat(devices(NOW.plus(Duration.ofDays(31)), "a secret").deviceFor(with(cookie), "member:12")).isEmpty();
		assertThat(devices(NOW, "another node's secret").deviceFor(with(cookie), "member:12")).isEmpty();
		assertThat(devices(NOW, "a secret").deviceFor(with(new Cookie("forum_device", "garbage")), "member:12")).isEmpty();
	}

	@Test
	void signingInAgainKeepsTheBrowsersId() {
		TrustedDevices devices = devices(NOW, "a secret");
		Cookie first = trust(devices, "member:12");
		MockHttpServletResponse again = new MockHttpServletResponse();
		devices.trust(with(first), again, "member:12");

		assertThat(devices.deviceFor(with(again.getCookie("forum_device")), "member:12"))
			.isEqualTo(devices.deviceFor(with(first), "member:12"));
	}

	private static Cookie trust(TrustedDevices devices, String account) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		devices.trust(new MockHttpServletRequest(), response, account);
		assertThat(response.getHeader("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
		return response.getCookie("forum_device");
	}

	private static MockHttpServletRequest with(Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(cookie);
		return request;
	}

	private static TrustedDevices devices(Instant now, String secret) {
		SecurityProperties properties = new SecurityProperties(
				new SecurityProperties.ClientAddressProperties(List.of(), "X-Forwarded-For"), null,
				new SecurityProperties.SignInProperties(Limit.valueOf("5 per 15m"), Limit.valueOf("30 per 15m"),
						new SecurityProperties.TrustedDeviceProperties(Duration.ofDays(30), "forum_device", secret)),
				DataSize.ofKilobytes(512), Duration.ofSeconds(1), DataSize.ofMegabytes(6));
		return new TrustedDevices(properties, Clock.fixed(now, ZoneOffset.UTC));
	}
}
