package com.forum.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens for programs. A token is 256 random bits; the database keeps only its SHA-256, so
 * a leaked table grants nothing, and a plain hash suffices because the token is not guessable.
 * <p>
 * Every API call resolves its token, so a resolved token is kept in memory for
 * {@code forum.members.token-cache-ttl} (a few seconds) rather than asked of PostgreSQL each time: in a
 * flash sale that query was the largest cost of a refused attempt. The entry remembers when the token
 * expires, so an expired token is refused even while it is cached. Revoking a token forgets it on this
 * node at once (and again once the revocation has committed, in case a request cached it meanwhile);
 * other nodes keep accepting it until their entry ages out, at most the cache's lifetime, until
 * revocations are broadcast across the cluster (issue 13). A member's role changed meanwhile is likewise
 * seen within that time; a member's own change of language or zone forgets their entries at once.
 * Unknown tokens are not cached.
 */
@Service
public class AccessTokens {

	private static final String PREFIX = "fm_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final MemberProperties properties;

	private final Clock clock;

	/** Resolved tokens by their hash; null when {@code token-cache-ttl} is zero. */
	private final Cache<String, Resolved> resolved;

	AccessTokens(JdbcTemplate jdbc, MemberProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.resolved = properties.tokenCacheTtl().isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(100_000).build();
	}

	/** A token found valid: whose it is, and until when it stays valid. */
	private record Resolved(TokenBearer bearer, Instant expiresAt) {
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

	/** The member a token belongs to, if it is known, unexpired and not revoked. */
	public Optional<MemberProfile> resolve(String token) {
		return bearer(token).map(TokenBearer::member);
	}

	/**
	 * The member a token belongs to with their language and zone, if it is known, unexpired and not
	 * revoked. Not transactional: one query needs none, and a cached answer then costs no connection.
	 */
	public Optional<TokenBearer> bearer(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = clock.instant();
		Resolved known = resolved == null ? null : resolved.getIfPresent(hash);
		if (known != null) {
			if (known.expiresAt().isAfter(now)) {
				return Optional.of(known.bearer());
			}
			resolved.invalidate(hash);
			return Optional.empty();
		}
		Optional<Resolved> found = jdbc.query("""
				select m.id, m.username, m.role, m.created_at, m.language, m.time_zone, t.expires_at
				from access_token t join member m on m.id = t.member_id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""",
				(rs, i) -> new Resolved(new TokenBearer(
						new MemberProfile(new MemberId(rs.getLong(1)), rs.getString(2), Role.valueOf(rs.getString(3)),
								rs.getTimestamp(4).toInstant()),
						new MemberPreferences(rs.getString(5) == null ? null : Locale.forLanguageTag(rs.getString(5)),
								rs.getString(6) == null ? null : ZoneId.of(rs.getString(6)))),
						rs.getTimestamp(7).toInstant()),
				hash,
				Timestamp.from(now))
			.stream()
			.findFirst();
		if (found.isPresent() && resolved != null) {
			resolved.put(hash, found.get());
		}
		return found.map(Resolved::bearer);
	}

	/** Forgets this node's cached tokens of the member, whose preferences just changed. */
	void forget(MemberId member) {
		if (resolved != null) {
			resolved.asMap().values().removeIf(entry -> entry.bearer().member().id().equals(member));
		}
	}

	@Transactional
	public void revoke(String token) {
		String hash = hash(token);
		jdbc.update("update access_token set revoked_at = ? where token_hash = ? and revoked_at is null",
				Timestamp.from(clock.instant()), hash);
		if (resolved != null) {
			resolved.invalidate(hash);
			// a request resolving the token before the revocation commits may cache it again
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						resolved.invalidate(hash);
					}
				});
			}
		}
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
