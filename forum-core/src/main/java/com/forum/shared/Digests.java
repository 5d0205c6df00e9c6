package com.forum.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fingerprints of text that keep the text itself out of storage (tokens, addresses, bodies). */
public final class Digests {

	private Digests() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of the bytes, as 64 lower-case hex digits (content-addressed keys of uploads). */
	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
