package com.forum.web.security;

import java.time.Duration;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import com.forum.member.MemberProperties;
import com.forum.shared.Digests;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another node announces on {@code forum:node-caches} empties this node's caches at once, well
 * before their entries would expire: the announcements are sent here from a Lettuce connection of the
 * test's own, as another node sends them, after the change was made in PostgreSQL behind this node's back.
 * A node whose subscription drops forgets everything once it has subscribed again.
 */
@IntegrationTest
class NodeCachesIntegrationTest {

	private static final String CHANNEL = "forum:node-caches";

	private static final String POINTS = "/api/v1/members/me/points";

	@LocalServerPort
	int port;

	@Value("${spring.data.redis.port}")
	int redisPort;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MemberProperties members;

	ApiClient api;

	RedisClient client;

	StatefulRedisConnection<String, String> otherNode;

	@BeforeEach
	void connectAsAnotherNode() {
		api = new ApiClient(port);
		client = RedisClient.create(RedisURI.create("127.0.0.1", redisPort));
		otherNode = client.connect();
	}

	@AfterEach
	void disconnect() {
		otherNode.close();
		client.shutdown();
	}

	@Test
	void aTokenRevokedOnAnotherNodeIsRefusedAsSoonAsItsAnnouncementArrives() {
		long cached = System.nanoTime();
		Member member = revokedBehindThisNodesBackWhileKept("revoked");

		otherNode.sync().publish(CHANNEL, "access-tokens\t" + Digests.sha256Hex(member.token()));

		Await.until(Duration.ofSeconds(2), () -> api.get(POINTS, member.token()).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - cached)).isLessThan(members.tokenCacheTtl());
	}

	@Test
	void aMemberSignedOutEverywhereOnAnotherNodeLosesTheirSessionHereAsSoonAsItsAnnouncementArrives() {
		Member member = api.newMember("everywhere");
		Browser browser = new Browser(port).signIn(member);
		long cached = System.nanoTime();
		assertThat(browser.get("/account/security").statusCode()).isEqualTo(200);
		long id = jdbc.queryForObject("update member set signed_out_at = now() where username = ? returning id",
				Long.class, member.username());
		assertThat(browser.get("/account/security").statusCode()).as("still kept by this node").isEqualTo(200);

		otherNode.sync().publish(CHANNEL, "account-states\t" + id);

		Await.until(Duration.ofSeconds(2), () -> browser.get("/account/security").statusCode() == 302);
		assertThat(Duration.ofNanos(System.nanoTime() - cached)).isLessThan(members.tokenCacheTtl());
	}

	@Test
	void aNodeWhoseSubscriptionDroppedForgetsEverythingOnceItListensAgain() {
		long cached = System.nanoTime();
		Member member = revokedBehindThisNodesBackWhileKept("missed");

		// an announcement sent while the node is not listening is lost; the node cannot know which
		otherNode.sync().clientKill(KillArgs.Builder.typePubsub());

		Await.until(Duration.ofSeconds(3), () -> api.get(POINTS, member.token()).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - cached)).isLessThan(members.tokenCacheTtl());
	}

	/** A member whose token this node resolved and keeps, revoked in PostgreSQL as another node does. */
	private Member revokedBehindThisNodesBackWhileKept(String prefix) {
		Member member = api.newMember(prefix);
		assertThat(api.get(POINTS, member.token()).status()).isEqualTo(200);
		assertThat(jdbc.update("update access_token set revoked_at = now() where token_hash = ?",
				Digests.sha256Hex(member.token()))).isEqualTo(1);
		assertThat(api.get(POINTS, member.token()).status()).as("still kept by this node").isEqualTo(200);
		return member;
	}
}
