package com.forum.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.forum.member.MemberId;
import com.forum.shared.Digests;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrets mailed to a member, each good for one use within a short time. A secret is 256 random bits;
 * only its SHA-256 is stored, so the table grants nothing to whoever reads it. Using one marks it used
 * in the same statement that checks it, so two requests racing with one link cannot both succeed.
 */
@Component
public class OneTimeLinks {

	public static final String CONFIRM_EMAIL = "confirm-email";

	public static final String RESET_PASSWORD = "reset-password";

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	OneTimeLinks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new secret for the member, valid for this long; the caller mails it. */
	@Transactional
	public String issue(MemberId member, String purpose, Duration validFor) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		jdbc.update("""
				insert into account_token (token_hash, member_id, purpose, created_at, expires_at)
				values (?, ?, ?, ?, ?)""", hash(token), member.value(), purpose, Timestamp.from(now),
				Timestamp.from(now.plus(validFor)));
		return token;
	}

	/** The member a secret was issued to, if it is theirs for this purpose, unused and unexpired; it is used up. */
	@Transactional
	public Optional<MemberId> use(String token, String purpose) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		List<Long> member = jdbc.queryForList("""
				update account_token set used_at = ?
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
				returning member_id""", Long.class, Timestamp.from(now), hash(token), purpose, Timestamp.from(now));
		return member.stream().findFirst().map(MemberId::new);
	}

	/** Whether a secret would be accepted now, without using it (to show its form). */
	@Transactional(readOnly = true)
	public boolean valid(String token, String purpose) {
		if (token == null || token.length() != 43) {
			return false;
		}
		Integer found = jdbc.queryForObject("""
				select count(*) from account_token
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""", Integer.class,
				hash(token), purpose, Timestamp.from(clock.instant()));
		return found != null && found > 0;
	}

	/** Every other unused secret of the member for this purpose stops working (a newer one was used). */
	@Transactional
	public void retire(MemberId member, String purpose) {
		jdbc.update("update account_token set used_at = ? where member_id = ? and purpose = ? and used_at is null",
				Timestamp.from(clock.instant()), member.value(), purpose);
	}

	private static String hash(String token) {
		return Digests.sha256Hex(token);
	}
}
