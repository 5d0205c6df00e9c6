package com.forum.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.member.MemberProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node keeps resolved bearer tokens in memory for {@code forum.members.token-cache-ttl}, so an API
 * call need not ask PostgreSQL: what it must never do is keep accepting a token it should refuse.
 */
@ConcurrentIntegrationTest
class CachedBearerTokensIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MemberProperties members;

	@Test
	void aTokenRevokedOnThisNodeIsRefusedAtOnceThoughItWasCached() {
		ApiClient api = new ApiClient(port);
		SeededMember member = SeededMember.create(jdbc, "cached", "MEMBER");
		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/auth/tokens/current", member.token()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(401);
	}

	@Test
	void aCachedTokenIsRefusedOnceItExpires() {
		ApiClient api = new ApiClient(port);
		SeededMember member = SeededMember.create(jdbc, "expiring", "MEMBER");
		jdbc.update("update access_token set expires_at = now() + interval '1500 milliseconds' where member_id = ?",
				member.id());
		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(200);

		// well within the cache's lifetime, so the refusal comes from the expiry the entry remembers
		Await.until(Duration.ofSeconds(3), () -> api.get("/api/v1/members/me/points", member.token()).status() == 401);
		assertThat(jdbc.queryForObject("select expires_at < now() from access_token where member_id = ?",
				Boolean.class, member.id())).isTrue();
	}

	@Test
	void aTokenRevokedElsewhereIsRefusedWithinTheCachesLifetime() {
		ApiClient api = new ApiClient(port);
		SeededMember member = SeededMember.create(jdbc, "elsewhere", "MEMBER");
		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(200);

		// as another node revokes it: this node's entry is not told, and ages out
		jdbc.update("update access_token set revoked_at = now() where member_id = ?", member.id());
		long revoked = System.nanoTime();
		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(200);

		Await.until(members.tokenCacheTtl().plusSeconds(2),
				() -> api.get("/api/v1/members/me/points", member.token()).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(members.tokenCacheTtl().plusSeconds(1));
	}

	@Test
	void aTokensLastUseIsWrittenWithinTheFlushInterval() {
		ApiClient api = new ApiClient(port);
		SeededMember member = SeededMember.create(jdbc, "last-use", "MEMBER");
		jdbc.update("update access_token set last_used_at = now() - interval '1 hour' where member_id = ?", member.id());
		Instant before = lastUse(member);

		assertThat(api.get("/api/v1/members/me/points", member.token()).status()).isEqualTo(200);

		Await.until(members.tokenLastUseFlush().plusSeconds(3), () -> lastUse(member).isAfter(before));
		assertThat(Duration.between(lastUse(member), Instant.now()).abs())
			.isLessThan(members.tokenLastUseFlush().plusSeconds(5));
	}

	private Instant lastUse(SeededMember member) {
		return jdbc.queryForObject("select last_used_at from access_token where member_id = ?",
				Timestamp.class, member.id()).toInstant();
	}
}
