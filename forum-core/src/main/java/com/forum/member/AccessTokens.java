package com.forum.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for programs. A token is 256 random bits; the database keeps only its SHA-256, so
 * a leaked table grants nothing, and a plain hash suffices because the token is not guessable.
 */
@Service
public class AccessTokens {

	private static final String PREFIX = "fm_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final MemberProperties properties;

	private final Clock clock;

	AccessTokens(JdbcTemplate jdbc, MemberProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(MemberId member) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.tokenTtl());
		jdbc.update("insert into access_token (token_hash, member_id, created_at, expires_at) values (?, ?, ?, ?)",
				hash(token), member.value(), Timestamp.from(now), Timestamp.from(expiresAt));
		return new IssuedToken(token, expiresAt);
	}

	@Transactional(readOnly = true)
	public Optional<MemberProfile> resolve(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.query("""
				select m.id, m.username, m.role, m.created_at from access_token t join member m on m.id = t.member_id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""",
				(rs, i) -> new MemberProfile(new MemberId(rs.getLong(1)), rs.getString(2), Role.valueOf(rs.getString(3)),
						rs.getTimestamp(4).toInstant()),
				hash(token),
				Timestamp.from(clock.instant()))
			.stream()
			.findFirst();
	}

	@Transactional
	public void revoke(String token) {
		jdbc.update("update access_token set revoked_at = ? where token_hash = ? and revoked_at is null",
				Timestamp.from(clock.instant()), hash(token));
	}

	private static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
