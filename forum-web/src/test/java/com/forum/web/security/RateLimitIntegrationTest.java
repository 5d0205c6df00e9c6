package com.forum.web.security;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import com.forum.localservices.LocalServices;
import com.forum.web.Await;
import com.forum.web.Concurrently;
import com.forum.web.security.Client.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits of {@code config/security.yml} as clients meet them: exact under concurrency, answered
 * 429 with {@code Retry-After} and a problem detail on the API, on a page by the form with the member's
 * text, counted by the client address only a trusted proxy can name, and bodies capped before parsing.
 */
@RealLimitsIntegrationTest
class RateLimitIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimiter limiter;

	@Test
	void fiveHundredRegistrationsAtOnceFromOneAddressAdmitExactlyTheLimitOfTen() throws Exception {
		String address = randomAddress();
		String prefix = "burst" + UUID.randomUUID().toString().substring(0, 6);
		Client client = Client.at(port, address);
		long started = System.nanoTime();
		List<Integer> statuses = inParallel(500, i -> client
			.register(prefix + "-" + i, "pw-" + UUID.randomUUID())
			.status());
		long millis = (System.nanoTime() - started) / 1_000_000;

		long admitted = statuses.stream().filter(status -> status == 202).count();
		long refused = statuses.stream().filter(status -> status == 429).count();
		System.out.printf("[rate limits] 500 parallel registrations from one address against 10 per 1h: "
				+ "%d admitted, %d refused (429), %d ms; statuses %s%n", admitted, refused, millis,
				statuses.stream().collect(java.util.stream.Collectors.groupingBy(status -> status,
						java.util.TreeMap::new, java.util.stream.Collectors.counting())));
		assertThat(admitted).isEqualTo(10);
		assertThat(refused).isEqualTo(490);
		assertThat(jdbc.queryForObject("select count(*) from member where username like ?", Long.class, prefix + "-%"))
			.isEqualTo(10);
	}

	@Test
	void aBurstOfThreadsIsRefusedWith429RetryAfterAndAProblemAndNothingIsStored() {
		Client client = Client.at(port, randomAddress());
		String token = newMember(client);
		long board = client.get("/api/v1/boards/hyperos", null).json().get("id").asLong();

		List<Answer> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(client.post("/api/v1/threads",
					Map.of("boardId", board, "title", "Burst thread number " + i, "body", "Same words again."), token));
		}

		assertThat(answers.subList(0, 5)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
		Answer refused = answers.get(5);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 120L);
		assertThat(refused.type()).isEqualTo("/problems/rate-limited");
		assertThat(refused.json().get("limit").asString()).isEqualTo("threads");
		assertThat(refused.json().get("capacity").asInt()).isEqualTo(5);
		assertThat(refused.json().get("detail").asString()).startsWith("Too many new threads in a short time");
		assertThat(answers.subList(6, 8)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(429));
	}

	@Test
	void aLimitedPageFormKeepsTheTextAndSaysWhenToTryAgainInTheReadersLanguage() {
		for (String language : List.of("en", "zh-CN")) {
			Client browser = Client.at(port, randomAddress()).speaking(language);
			Member member = newSignedInMember(browser);
			String csrf = browser.csrf();
			Answer last = null;
			for (int i = 0; i < 6; i++) {
				last = browser.form("/boards/hyperos/threads",
						Map.of("title", "Page burst thread " + i, "body", "Kept words " + member.username(), "_csrf", csrf));
			}

			assertThat(last.status()).isEqualTo(429);
			assertThat(last.retryAfter()).isNotNull();
			assertThat(last.body()).contains("Page burst thread 5").contains("Kept words " + member.username());
			assertThat(last.body()).contains(language.equals("en") ? "Too many new threads in a short time" : "短时间内发帖过于频繁");
		}
	}

	@Test
	void aForgedForwardedForFromAnUntrustedClientChangesNothing() {
		String prefix = "forged" + UUID.randomUUID().toString().substring(0, 6);
		Client untrusted = Client.untrusted(port);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// a different "client" in the header every time: all of them are 127.0.0.2 to the limits
			untrusted.forwardedFor(randomAddress());
			statuses.add(untrusted.register(prefix + "-" + i, "pw-" + UUID.randomUUID()).status());
		}
		System.out.printf("[rate limits] 12 registrations from 127.0.0.2, each with a forged X-Forwarded-For: %s%n",
				statuses);
		assertThat(statuses.subList(0, 10)).containsOnly(202);
		assertThat(statuses.subList(10, 12)).containsOnly(429);

		// behind the trusted proxy, the header is believed: another address has its own allowance
		Answer elsewhere = Client.at(port, randomAddress()).register(prefix + "-x", "pw-" + UUID.randomUUID());
		assertThat(elsewhere.status()).isEqualTo(202);
	}

	@Test
	void tokensMintedPerAccountAreLimited() {
		Client client = Client.at(port, randomAddress());
		Member member = register(client);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			statuses.add(client.token(member.username(), member.password()).status());
		}
		// registering minted none; ten tokens an hour, the eleventh waits
		assertThat(statuses.subList(0, 10)).containsOnly(201);
		assertThat(statuses.get(10)).isEqualTo(429);
	}

	@Test
	void apiCallsPerTokenAreLimited() throws Exception {
		Client client = Client.at(port, randomAddress());
		String token = newMember(client);
		long started = System.nanoTime();
		List<Integer> statuses = inParallel(1000, i -> client.get("/api/v1/members/me/points", token).status());
		double seconds = (System.nanoTime() - started) / 1e9;
		long admitted = statuses.stream().filter(status -> status == 200).count();
		long refused = statuses.stream().filter(status -> status == 429).count();
		System.out.printf("[rate limits] 1000 parallel API calls with one token against 600 per 1m: %d admitted, "
				+ "%d refused (429), %.1f s%n", admitted, refused, seconds);
		// 600 at once, and the bucket gives back 10 a second while the calls are being answered
		assertThat(admitted).isBetween(600L, 600L + (long) Math.ceil(seconds * 10) + 1);
		assertThat(admitted + refused).isEqualTo(1000);
	}

	@Test
	void aTwentyMegabyteJsonBodyIsRefusedWith413BeforeItIsRead() throws Exception {
		long started = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/members HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nContent-Length: " + 20 * 1024 * 1024 + "\r\n\r\n{\"username\":\"")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// not a byte more is sent: the answer must come without the body
			InputStream in = socket.getInputStream();
			StringBuilder read = new StringBuilder();
			byte[] buffer = new byte[4096];
			for (int n; !read.toString().contains("\"maxBytes\"") && (n = in.read(buffer)) > 0;) {
				read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			}
			String answer = read.toString();
			long millis = (System.nanoTime() - started) / 1_000_000;
			System.out.printf("[rate limits] 20 MB JSON body declared, 14 bytes sent: answered in %d ms%n", millis);
			assertThat(answer).startsWith("HTTP/1.1 413");
			assertThat(answer).contains("application/problem+json").contains("/problems/payload-too-large");
			assertThat(answer).contains("\"maxBytes\":524288");
		}
	}

	@Test
	void aBodyWithoutADeclaredLengthIsCutOffAtTheCap() {
		Client client = Client.at(port, randomAddress());
		String token = newMember(client);
		// the client streams a 600 KB body without declaring its length; the cap is 512 KB
		Answer answer = client.postStreamed("/api/v1/threads",
				"{\"boardId\":1,\"title\":\"Too long\",\"body\":\"" + "x".repeat(600 * 1024) + "\"}", token);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.type()).isEqualTo("/problems/payload-too-large");
	}

	@Test
	void limitsHoldAgainWithinSecondsOfRedisComingBackAndPagesWithASessionWaitForIt() {
		LocalServices services = LocalServices.current().orElseThrow();
		Limit once = new Limit(1, Duration.ofHours(1));
		Client member = Client.at(port, randomAddress());
		newSignedInMember(member);
		services.killRedis();
		try {
			// the documented choice during an outage: admitted, uncounted
			assertThat(limiter.take("outage-test", once, "a")).isEmpty();
			assertThat(limiter.take("outage-test", once, "a")).isEmpty();
			// a member's page needs their session, kept in Redis: "try again shortly"; a reader reads on
			Answer signedIn = member.page("/account/security");
			assertThat(signedIn.status()).isEqualTo(503);
			assertThat(signedIn.retryAfter()).isNotNull();
			assertThat(Client.at(port, randomAddress()).page("/").status()).isEqualTo(200);
		}
		finally {
			services.restartRedis();
		}
		String subject = UUID.randomUUID().toString();
		long back = System.nanoTime();
		// Lettuce's own reconnection backs off up to half a minute; the limiter tries a new connection instead
		Await.until(Duration.ofSeconds(12), () -> limiter.take("outage-test", once, subject).isPresent());
		System.out.printf("[rate limits] enforced again %d ms after Redis came back%n",
				(System.nanoTime() - back) / 1_000_000);
	}

	record Member(String username, String password) {
	}

	private Member register(Client client) {
		String username = "lim-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "pw-" + UUID.randomUUID();
		Answer registered = client.register(username, password);
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);
		client.confirm(username);
		return new Member(username, password);
	}

	private String newMember(Client client) {
		Member member = register(client);
		return client.token(member.username(), member.password()).json().get("token").asString();
	}

	private Member newSignedInMember(Client browser) {
		Member member = register(browser);
		assertThat(browser.signInOnPage(member.username(), member.password())).doesNotContain("error");
		return member;
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	/** All at once: one virtual thread a request. */
	static <T> List<T> inParallel(int count, IntFunction<T> task) throws Exception {
		return Concurrently.run(count, Executors.newVirtualThreadPerTaskExecutor(), task);
	}
}
