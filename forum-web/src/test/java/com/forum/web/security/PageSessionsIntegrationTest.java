package com.forum.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page sessions live in Redis, not in a node: what one node stores, a plain client of Redis of its own
 * (standing for another node) reads back, and a session that other client writes is honoured here by its
 * cookie alone. Readers who only read start none, which the kept pages depend on.
 */
@IntegrationTest
class PageSessionsIntegrationTest {

	private static final String SESSION_KEYS = PageSessionsConfiguration.NAMESPACE + ":sessions:*";

	@LocalServerPort
	int port;

	@Value("${spring.data.redis.port}")
	int redisPort;

	@Autowired
	StringRedisTemplate redis;

	ApiClient api;

	LettuceConnectionFactory otherNode;

	SessionRepository<? extends Session> otherNodesSessions;

	@BeforeEach
	void connectAsAnotherNode() {
		api = new ApiClient(port);
		otherNode = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
		otherNode.afterPropertiesSet();
		otherNode.start();
		// the application's own reading of Redis, over a connection of the test's own
		otherNodesSessions = PageSessionsConfiguration.redisSessions(otherNode);
	}

	@AfterEach
	void disconnect() {
		otherNode.destroy();
	}

	@Test
	void aSignedInSessionIsInRedisWhereAnotherNodeReadsTheMemberBack() {
		Member member = api.newMember("sess");
		Browser browser = new Browser(port).signIn(member);
		String id = sessionId(browser.cookie("JSESSIONID").orElseThrow());

		assertThat(redis.hasKey(PageSessionsConfiguration.NAMESPACE + ":sessions:" + id)).isTrue();
		Session stored = otherNodesSessions.findById(id);
		SecurityContext context = stored.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(MemberPrincipal.class,
				principal -> assertThat(principal.getUsername()).isEqualTo(member.username()));
		assertThat(browser.get("/account/security").statusCode()).isEqualTo(200);
	}

	@Test
	void aSessionAnotherNodeWroteIsServedSignedInByItsCookieAlone() throws Exception {
		Member member = api.newMember("moved");
		String signedInHere = sessionId(new Browser(port).signIn(member).cookie("JSESSIONID").orElseThrow());
		Object context = otherNodesSessions.findById(signedInHere)
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);

		String writtenElsewhere = writeSessionOnTheOtherNode(context);
		HttpResponse<String> page = accountPageWithOnlyTheCookieOf(writtenElsewhere);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(member.username());
	}

	@Test
	void aSessionThisBuildCannotReadCountsAsNoneAndIsDropped() throws Exception {
		String id = "unreadable-" + System.nanoTime();
		String key = PageSessionsConfiguration.NAMESPACE + ":sessions:" + id;
		try (var connection = otherNode.getConnection()) {
			// as a build whose classes changed incompatibly leaves it in a rolling deployment
			connection.hashCommands().hSet(key.getBytes(StandardCharsets.UTF_8),
					"sessionAttr:SPRING_SECURITY_CONTEXT".getBytes(StandardCharsets.UTF_8),
					"not a serialized object".getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> page = accountPageWithOnlyTheCookieOf(id);

		assertThat(page.statusCode()).as("sent to sign in").isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(redis.hasKey(key)).isFalse();
	}

	@Test
	void anAnonymousReaderOfAThreadStartsNoSession() {
		long thread = api.startThread(api.newMember("anon"), "hyperos", "Read without a session", "Nothing kept.");
		Set<String> before = redis.keys(SESSION_KEYS);

		Browser reader = new Browser(port);
		HttpResponse<String> page = reader.get("/threads/" + thread);
		reader.get("/threads/" + thread);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		assertThat(reader.cookie("JSESSIONID")).isEmpty();
		assertThat(redis.keys(SESSION_KEYS)).isEqualTo(before);
	}

	@SuppressWarnings("unchecked")
	private <S extends Session> String writeSessionOnTheOtherNode(Object securityContext) {
		SessionRepository<S> sessions = (SessionRepository<S>) otherNodesSessions;
		S session = sessions.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
		sessions.save(session);
		return session.getId();
	}

	/** The member's own page, asked for with nothing but a session cookie. */
	private HttpResponse<String> accountPageWithOnlyTheCookieOf(String sessionId) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/account/security"))
				.header("Cookie", "JSESSIONID=" + cookieValue(sessionId))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The session cookie carries the id in Base64, as Spring Session writes it. */
	private static String sessionId(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private static String cookieValue(String id) {
		return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}
}
