package com.forum.member;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.forum.shared.Digests;
import com.forum.shared.NodeCaches;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for programs. A token is 256 random bits; the database keeps only its SHA-256, so
 * a leaked table grants nothing, and a plain hash suffices because the token is not guessable.
 * <p>
 * Every API call resolves its token, so a resolved token is kept in memory for
 * {@code forum.members.token-cache-ttl} (a few seconds) rather than asked of PostgreSQL each time: in a
 * flash sale that query was the largest cost of a refused attempt. The entry remembers when the token
 * expires, so an expired token is refused even while it is cached. Revoking a token forgets it on this
 * node at once, and on every node once the revocation has committed ({@link NodeCaches}: this node
 * forgets it again then, in case a request cached it meanwhile); a node that missed the announcement
 * accepts it until its entry ages out, at most the cache's lifetime. A member's own change of language
 * or zone forgets their entries on every node the same way. A role is only ever changed in the database
 * (the forum has no page for it), which no node hears of: it is seen when the entry ages out. Unknown
 * tokens are not cached.
 */
@Service
public class AccessTokens {

	private static final String PREFIX = "fm_";

	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	/** The node caches of resolved tokens: by the token's hash, and all of one member's by their id. */
	static final String TOKENS = "access-tokens";

	static final String MEMBERS_TOKENS = "access-tokens-of-member";

	private final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final MemberProperties properties;

	private final Clock clock;

	/** Resolved tokens by their hash; null when {@code token-cache-ttl} is zero. */
	private final Cache<String, Resolved> resolved;

	private final TokenLastUses lastUses;

	private final NodeCaches nodeCaches;

	AccessTokens(JdbcTemplate jdbc, MemberProperties properties, Clock clock, TokenLastUses lastUses,
			NodeCaches nodeCaches) {
		this.jdbc = jdbc;
		this.lastUses = lastUses;
		this.properties = properties;
		this.clock = clock;
		this.nodeCaches = nodeCaches;
		this.resolved = properties.tokenCacheTtl().isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(100_000).build();
		if (resolved != null) {
			nodeCaches.register(TOKENS, resolved::invalidate, resolved::invalidateAll);
			nodeCaches.register(MEMBERS_TOKENS, member -> forgetHere(new MemberId(Long.parseLong(member))),
					resolved::invalidateAll);
		}
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
		List<Found> found = jdbc.query("""
				select m.id, m.username, m.role, m.created_at, m.language, m.time_zone, t.expires_at, t.last_used_at,
				       m.email_confirmed_at is not null
				from access_token t join member m on m.id = t.member_id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""",
				(rs, i) -> new Found(new Resolved(new TokenBearer(
						new MemberProfile(new MemberId(rs.getLong(1)), rs.getString(2), Role.valueOf(rs.getString(3)),
								rs.getTimestamp(4).toInstant()),
						new MemberPreferences(rs.getString(5) == null ? null : Locale.forLanguageTag(rs.getString(5)),
								rs.getString(6) == null ? null : ZoneId.of(rs.getString(6))),
						rs.getBoolean(9)),
						rs.getTimestamp(7).toInstant()),
						rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
				hash,
				Timestamp.from(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Found valid = found.getFirst();
		// the last use is shown to the member to the minute: written at most once a minute per token, and
		// off the request's path
		if (valid.lastUsedAt() == null || valid.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
			lastUses.used(hash, now);
		}
		if (resolved != null) {
			resolved.put(hash, valid.resolved());
		}
		return Optional.of(valid.resolved().bearer());
	}

	private record Found(Resolved resolved, Instant lastUsedAt) {
	}

	/** The member's tokens still valid, newest first, with when each was last used. */
	public List<TokenInfo> list(MemberId member) {
		// the member looking at their tokens sees the use they just made of one
		lastUses.flush();
		return jdbc.query("""
				select id, created_at, expires_at, last_used_at from access_token
				where member_id = ? and revoked_at is null and expires_at > ? order by created_at desc, id desc""",
				(rs, i) -> new TokenInfo(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
				member.value(), Timestamp.from(clock.instant()));
	}

	/** The number a token is listed by, for telling the member which one they are using. */
	public Optional<Long> idOf(String token) {
		return jdbc.queryForList("select id from access_token where token_hash = ?", Long.class, hash(token))
			.stream()
			.findFirst();
	}

	/** Revokes one of the member's tokens by its number; false when they have no such valid token. */
	@Transactional
	public boolean revoke(MemberId member, long id) {
		List<String> hashes = jdbc.queryForList("""
				update access_token set revoked_at = ? where member_id = ? and id = ? and revoked_at is null
				returning token_hash""", String.class, Timestamp.from(clock.instant()), member.value(), id);
		hashes.forEach(this::forgetAfterCommit);
		return !hashes.isEmpty();
	}

	/** Revokes every token of the member ("sign out everywhere", a new password). */
	@Transactional
	public int revokeAll(MemberId member) {
		List<String> hashes = jdbc.queryForList("""
				update access_token set revoked_at = ? where member_id = ? and revoked_at is null
				returning token_hash""", String.class, Timestamp.from(clock.instant()), member.value());
		hashes.forEach(this::forgetAfterCommit);
		return hashes.size();
	}

	/** Forgets every node's cached tokens of the member, whose preferences just changed. */
	void forget(MemberId member) {
		if (resolved != null) {
			nodeCaches.evict(MEMBERS_TOKENS, member.toString());
		}
	}

	private void forgetHere(MemberId member) {
		resolved.asMap().values().removeIf(entry -> entry.bearer().member().id().equals(member));
	}

	@Transactional
	public void revoke(String token) {
		String hash = hash(token);
		jdbc.update("update access_token set revoked_at = ? where token_hash = ? and revoked_at is null",
				Timestamp.from(clock.instant()), hash);
		forgetAfterCommit(hash);
	}

	/** Forgets a revoked token on this node now, and on every node once the revocation has committed. */
	private void forgetAfterCommit(String hash) {
		if (resolved != null) {
			nodeCaches.evict(TOKENS, hash);
		}
	}

	private static String hash(String token) {
		return Digests.sha256Hex(token);
	}
}
