package com.forum.launch;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Reservation codes like Xiaomi's F-codes: characters from an alphabet of 32 (no 0, O, 1 or I, which
 * people misread), 5 random bits each from a SecureRandom, in groups of four. 16 characters carry 80
 * bits: guessing one live code among a launch's thousands takes around 10^20 tries.
 */
@Component
class ReservationCodes {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final SecureRandom random = new SecureRandom();

	private final int length;

	ReservationCodes(LaunchProperties properties) {
		this.length = properties.codeLength();
	}

	String next() {
		StringBuilder code = new StringBuilder(length + length / 4);
		for (int i = 0; i < length; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** A code as people type it (lower case, spaces, no dashes) in its stored form, or null if it cannot be one. */
	static String normalize(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder plain = new StringBuilder();
		for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ') {
				continue;
			}
			if (ALPHABET.indexOf(c) < 0 || plain.length() >= 24) {
				return null;
			}
			plain.append(c);
		}
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(plain.charAt(i));
		}
		return code.isEmpty() ? null : code.toString();
	}
}
