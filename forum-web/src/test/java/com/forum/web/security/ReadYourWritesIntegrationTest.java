package com.forum.web.security;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.shared.ReadReplicaProperties;
import com.forum.web.ApiClient;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member who just wrote reads their own write: their requests run on the primary for the
 * read-your-writes window, everyone else's reads stay on the replica (the test services' replica is the
 * primary reached as {@code forum_reader}, so the role that answers tells where a read ran).
 */
@IntegrationTest
class ReadYourWritesIntegrationTest {

	private static final Duration WINDOW = Duration.ofMillis(800);

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ReadReplicaProperties replica;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMemberReadsFromThePrimaryWhileWritingAndForAWhileAfterwardsThenFromTheReplicaAgain() throws Exception {
		ReadYourWrites filter = new ReadYourWrites(redis, new ReadReplicaProperties(replica.url(), replica.username(),
				replica.password(), WINDOW, 2, Duration.ofSeconds(1)));
		MemberId writer = new MemberId(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
		MemberId reader = new MemberId(writer.value() + 1);

		assertThat(readingAs(filter, "GET", writer)).isEqualTo("forum_reader");
		assertThat(readingAs(filter, "POST", writer)).isEqualTo("forum");
		assertThat(readingAs(filter, "GET", writer)).isEqualTo("forum");
		assertThat(readingAs(filter, "GET", reader)).isEqualTo("forum_reader");
		assertThat(readingAs(filter, "GET", null)).isEqualTo("forum_reader");

		Await.until(WINDOW.multipliedBy(5), () -> "forum_reader".equals(readingAs(filter, "GET", writer)));
	}

	@Test
	void aWriteThroughTheApiMarksItsMemberForTheWindow() {
		ApiClient api = new ApiClient(port);
		ApiClient.Member member = api.newMember("ryw");
		long id = api.get("/api/v1/members/" + member.username(), null).json().get("id").asLong();

		api.startThread(member, "xiaomi-17", "Read your own writes", "Posted, then read from the primary.");

		Long ttl = redis.getExpire("forum:wrote:" + id, TimeUnit.MILLISECONDS);
		assertThat(ttl).isPositive().isLessThanOrEqualTo(replica.readYourWrites().toMillis());
	}

	@Test
	void aRefusedWriteMarksNobodyAndKeepsReadsOnTheReplica() throws Exception {
		ReadYourWrites filter = new ReadYourWrites(redis, new ReadReplicaProperties(replica.url(), replica.username(),
				replica.password(), WINDOW, 2, Duration.ofSeconds(1)));
		MemberId refused = new MemberId(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
		signIn(refused);

		filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/launches/1/reservations"),
				new MockHttpServletResponse(), (request, response) -> ((MockHttpServletResponse) response).setStatus(409));

		assertThat(redis.hasKey("forum:wrote:" + refused.value())).isFalse();
		assertThat(readingAs(filter, "GET", refused)).isEqualTo("forum_reader");
	}

	@Test
	void withoutAReplicaNothingIsMarked() throws Exception {
		ReadYourWrites filter = new ReadYourWrites(redis,
				new ReadReplicaProperties("", "", "", WINDOW, 2, Duration.ofSeconds(1)));
		MemberId writer = new MemberId(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));

		readingAs(filter, "POST", writer);

		assertThat(redis.hasKey("forum:wrote:" + writer.value())).isFalse();
	}

	/** The role that answers a read-only transaction made inside a request of the member (null: nobody). */
	private String readingAs(ReadYourWrites filter, String method, MemberId member) {
		if (member == null) {
			SecurityContextHolder.clearContext();
		}
		else {
			signIn(member);
		}
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		AtomicReference<String> role = new AtomicReference<>();
		try {
			filter.doFilter(new MockHttpServletRequest(method, "/threads/1"), new MockHttpServletResponse(),
					(request, response) -> role.set(readOnly
						.execute(status -> new JdbcTemplate(dataSource).queryForObject("select current_user", String.class))));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return role.get();
	}

	private static void signIn(MemberId member) {
		MemberPrincipal principal = new MemberPrincipal(member, "member" + member.value(), Role.MEMBER, "");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}
}
