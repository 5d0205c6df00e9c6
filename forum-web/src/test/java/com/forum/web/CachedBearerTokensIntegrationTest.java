package com.forum.web;

import java.time.Duration;

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
@IntegrationTest
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
}
