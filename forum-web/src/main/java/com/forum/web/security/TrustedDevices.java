package com.forum.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Browsers that signed in to an account recently: a signed cookie ({@code forum_device}) naming a random
 * device id, the account and when the trust ends, set on every successful sign-in. A trusted browser's
 * failed sign-ins count against that browser, not against its address, so a stranger who fails from the
 * same address (an office, a mobile carrier's shared address) cannot lock the owner out. The cookie proves
 * nothing by itself: the password is still checked.
 */
@Component
class TrustedDevices {

	private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	private final String cookie;

	private final Duration lifetime;

	private final Clock clock;

	TrustedDevices(SecurityProperties properties, Clock clock) {
		SecurityProperties.TrustedDeviceProperties device = properties.signIn().trustedDevice();
		byte[] secret = device.secret().isBlank() ? randomBytes(32) : device.secret().getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.cookie = device.cookie();
		this.lifetime = device.lifetime();
		this.clock = clock;
	}

	/** The id of the request's browser if it is trusted for this account (see {@link SignInThrottle}). */
	Optional<String> deviceFor(HttpServletRequest request, String account) {
		return value(request).flatMap(this::verified)
			.filter(claims -> claims[1].equals(account))
			.filter(claims -> Long.parseLong(claims[2]) > clock.instant().getEpochSecond())
			.map(claims -> claims[0]);
	}

	/** Trusts the browser for the account from now on, keeping the id it already has. */
	void trust(HttpServletRequest request, HttpServletResponse response, String account) {
		String device = value(request).flatMap(this::verified).map(claims -> claims[0]).orElseGet(this::newId);
		String payload = device + "|" + account + "|" + clock.instant().plus(lifetime).getEpochSecond();
		String value = ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(sign(payload));
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookie, value)
			.path("/")
			.maxAge(lifetime)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
	}

	private Optional<String> value(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie candidate : cookies) {
			if (cookie.equals(candidate.getName())) {
				return Optional.ofNullable(candidate.getValue());
			}
		}
		return Optional.empty();
	}

	/** The cookie's claims (device, account, expiry in epoch seconds) if its signature holds. */
	private Optional<String[]> verified(String value) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		try {
			String payload = new String(DECODE.decode(value.substring(0, dot)), StandardCharsets.UTF_8);
			if (!MessageDigest.isEqual(sign(payload), DECODE.decode(value.substring(dot + 1)))) {
				return Optional.empty();
			}
			String[] claims = payload.split("\\|");
			return claims.length == 3 && claims[2].matches("\\d{1,12}") ? Optional.of(claims) : Optional.empty();
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private String newId() {
		return ENCODE.encodeToString(randomBytes(16));
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}
}
