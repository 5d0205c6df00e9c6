package com.forum.web;

import java.util.List;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.shared.Digests;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A member written straight into the database together with a bearer token, for tests that need
 * many of them: registering each through the API would spend most of the test hashing passwords.
 * The token is stored as the application stores its own, as a SHA-256; the member has no usable
 * password.
 */
public record SeededMember(long id, String username, String token) {

	static SeededMember create(JdbcTemplate db, String prefix, String role) {
		return create(db, prefix, role, "none");
	}

	/** The password of every member made by {@link #signable}. */
	public static final String PASSWORD = "seeded members sign in with this";

	private static String passwordHash;

	/**
	 * A member who can sign in on the pages with {@link #PASSWORD}; the password is hashed once per run,
	 * as Argon2 is slow on purpose.
	 */
	public static SeededMember signable(JdbcTemplate db, PasswordEncoder passwords, String prefix, String role) {
		synchronized (SeededMember.class) {
			if (passwordHash == null) {
				passwordHash = passwords.encode(PASSWORD);
			}
		}
		return create(db, prefix, role, passwordHash);
	}

	/**
	 * A member as {@link ApiClient#newMember} makes one (an address made without a stranger counts as
	 * confirmed), without registering and signing in, each an Argon2 hash: for tests that need many members
	 * who post and vote.
	 */
	public static ApiClient.Member confirmed(JdbcTemplate db, PasswordEncoder passwords, String prefix) {
		SeededMember member = signable(db, passwords, prefix, "MEMBER");
		return new ApiClient.Member(member.username(), PASSWORD, member.token());
	}

	/** A member who can also sign in on the pages: the hash is of a password the caller knows. */
	public static SeededMember create(JdbcTemplate db, String prefix, String role, String passwordHash) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = db.queryForObject("""
				insert into member (username, email, password_hash, role, created_at)
				values (?, ?, ?, ?, now()) returning id""", Long.class, username, username + "@test.example",
				passwordHash, role);
		String token = "fm_" + UUID.randomUUID() + UUID.randomUUID();
		db.update("""
				insert into access_token (token_hash, member_id, created_at, expires_at)
				values (?, ?, now(), now() + interval '1 day')""", sha256(token), id);
		return new SeededMember(id, username, token);
	}

	/**
	 * Many members at once, without tokens, for tests that act on their behalf through the services:
	 * hashing thousands of Argon2 passwords would only test the CPU.
	 */
	public static List<MemberId> many(JdbcTemplate db, int count) {
		String prefix = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		db.update("""
				insert into member (username, email, password_hash, role, created_at)
				select ? || '-' || g, ? || '-' || g || '@votes.example', 'not-a-login', 'MEMBER', now()
				from generate_series(1, ?) g""", prefix, prefix, count);
		return db.queryForList("select id from member where username like ? order by id", Long.class, prefix + "-%")
			.stream()
			.map(MemberId::new)
			.toList();
	}

	private static String sha256(String text) {
		return Digests.sha256Hex(text);
	}
}
