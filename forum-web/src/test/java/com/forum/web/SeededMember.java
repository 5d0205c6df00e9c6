package com.forum.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member written straight into the database together with a bearer token, for tests that need
 * many of them: registering each through the API would spend most of the test hashing passwords.
 * The token is stored as the application stores its own, as a SHA-256; the member has no usable
 * password.
 */
record SeededMember(long id, String username, String token) {

	static SeededMember create(JdbcTemplate db, String prefix, String role) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = db.queryForObject("""
				insert into member (username, email, password_hash, role, created_at)
				values (?, ?, 'none', ?, now()) returning id""", Long.class, username, username + "@test.example", role);
		String token = "fm_" + UUID.randomUUID() + UUID.randomUUID();
		db.update("""
				insert into access_token (token_hash, member_id, created_at, expires_at)
				values (?, ?, now(), now() + interval '1 day')""", sha256(token), id);
		return new SeededMember(id, username, token);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
