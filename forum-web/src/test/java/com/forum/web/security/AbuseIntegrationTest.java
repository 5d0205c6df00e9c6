package com.forum.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import com.forum.web.SeededMember;
import com.forum.web.security.Client.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.forum.web.security.RateLimitIntegrationTest.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 14, run against the real limits, each printing what it tried and what got through:
 * a stranger trying to lock an owner out, password spraying, credential stuffing from one address and
 * behind forged headers, a registration burst, and a new member's spam burst.
 */
@RealLimitsIntegrationTest
class AbuseIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStrangerFailingOverAndOverNeverLocksTheOwnerOut() {
		String home = randomAddress();
		String strangerAddress = randomAddress();
		Client ownersPhone = Client.at(port, home);
		String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "the owner's own password " + UUID.randomUUID();
		assertThat(ownersPhone.register(username, password).status()).isEqualTo(202);
		// signing in once makes the phone a trusted device for the account
		assertThat(ownersPhone.token(username, password).status()).isEqualTo(201);

		Client stranger = Client.at(port, strangerAddress);
		Figures attack = Figures.of(100, i -> stranger.token(i % 2 == 0 ? username : username.toUpperCase(Locale.ROOT),
				"guess-" + i).status(), 401);
		attack.print("stranger guessing one account's password from one address (any case of the name)");

		Answer fromElsewhere = Client.at(port, randomAddress()).token(username, password);
		Answer trustedPhoneAtTheStrangersAddress = ownersPhone.forwardedFor(strangerAddress).token(username, password);
		String pageFromElsewhere = Client.at(port, randomAddress()).signInOnPage(username, password);
		String strangerOnThePage = stranger.signInOnPage(username, password);

		assertThat(attack.checked()).isEqualTo(5);
		assertThat(attack.refused()).isEqualTo(95);
		assertThat(fromElsewhere.status()).isEqualTo(201);
		assertThat(trustedPhoneAtTheStrangersAddress.status()).isEqualTo(201);
		assertThat(pageFromElsewhere).doesNotContain("error").doesNotContain("throttled");
		// even the right password waits at the stranger's own address without the owner's device
		assertThat(strangerOnThePage).contains("/login?throttled=");
	}

	@Test
	void sprayingOnePasswordOverManyAccountsFromOneAddressIsSlowedDown() {
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			accounts.add(SeededMember.create(jdbc, "spray", "MEMBER", "none").username());
		}
		Client sprayer = Client.at(port, randomAddress());
		Figures spraying = Figures.of(100, i -> sprayer.token(accounts.get(i), "Password123!").status(), 401);
		spraying.print("one password sprayed over 100 accounts from one address");

		assertThat(spraying.checked()).isEqualTo(30);
		assertThat(spraying.refused()).isEqualTo(70);
	}

	@Test
	void credentialStuffingIsSlowedDownFromOneAddressAndBehindForgedHeaders() {
		Client oneAddress = Client.at(port, randomAddress());
		Figures stuffing = Figures.of(100,
				i -> oneAddress.token("leaked-" + UUID.randomUUID(), "leaked password " + i).status(), 401);
		stuffing.print("100 leaked name/password pairs from one address");

		Client forging = Client.untrusted(port);
		Figures forged = Figures.of(100, i -> forging.forwardedFor(randomAddress())
			.token("leaked-" + UUID.randomUUID(), "leaked password " + i)
			.status(), 401);
		forged.print("100 leaked pairs from an untrusted client forging X-Forwarded-For on each");

		assertThat(stuffing.checked()).isEqualTo(30);
		assertThat(forged.checked()).isEqualTo(30);
		assertThat(forged.refused()).isEqualTo(70);
	}

	@Test
	void aRegistrationBurstFromOneAddressGetsTenAccounts() {
		Client client = Client.at(port, randomAddress());
		String prefix = "reg" + UUID.randomUUID().toString().substring(0, 6);
		Figures burst = Figures.of(150, i -> client.register(prefix + "-" + i, "pw-" + UUID.randomUUID()).status(), 202);
		burst.print("150 registrations from one address (the attack of issue 14 made 152 in 21 s)");

		assertThat(burst.checked()).isEqualTo(10);
		assertThat(burst.refused()).isEqualTo(140);
	}

	@Test
	void aNewMembersSpamBurstIsStoppedWithinAFewPosts() {
		Client client = Client.at(port, randomAddress());
		String username = "spam-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "pw-" + UUID.randomUUID();
		client.register(username, password);
		client.confirm(username);
		String token = client.token(username, password).json().get("token").asString();
		long board = client.get("/api/v1/boards/hyperos", null).json().get("id").asLong();

		Figures threads = Figures.of(200, i -> client.post("/api/v1/threads",
				Map.of("boardId", board, "title", "Cheap phones here " + i, "body", "Buy now, best price."), token)
			.status(), 201);
		threads.print("200 threads from one new member");
		long topic = jdbc.queryForObject("select max(id) from topic", Long.class);
		Figures replies = Figures.of(150, i -> client.post("/api/v1/threads/" + topic + "/replies",
				Map.of("body", "Buy now, best price."), token).status(), 201);
		replies.print("150 identical replies from one new member");
		Figures petitions = Figures.of(100, i -> client.post("/api/v1/petitions", Map.of("boardId", board, "title",
				"Spam petition number " + i + " " + UUID.randomUUID(), "description", "Buy now.", "tags", List.of("spam")),
				token).status(), 201);
		petitions.print("100 petitions from one new member");
		long petition = jdbc.queryForObject("select min(id) from petition where author_id <> "
				+ "(select id from member where username = ?)", Long.class, username);
		// every other request takes the vote back: 150 toggles, each one counted, as a script flipping a vote does
		List<String> toggles = new ArrayList<>();
		Figures votes = Figures.of(150, i -> {
			Answer answer = i % 2 == 0 ? client.put("/api/v1/petitions/" + petition + "/vote", Map.of(), token)
					: client.delete("/api/v1/petitions/" + petition + "/vote", token);
			toggles.add(answer.status() == 200 ? answer.json().get("voted").asString() : String.valueOf(answer.status()));
			return answer.status();
		}, 200);
		int changed = toggles.indexOf("429");
		System.out.printf("[abuse] a vote toggled 150 times by one new member: %d toggles changed the vote, %d refused "
				+ "(429), the rest repeated a vote that stood, %d ms%n", changed, votes.refused(), votes.millis());

		assertThat(threads.checked()).isEqualTo(5);
		assertThat(replies.checked()).isEqualTo(20);
		assertThat(petitions.checked()).isEqualTo(5);
		// 30 votes at once, the 5 that came with its own petitions included; after that the vote stays as it
		// is, but for the one toggle a slow run may see the bucket give back (one every 20 s)
		assertThat(changed).isBetween(25, 26);
		assertThat(toggles.subList(0, changed)).containsExactlyElementsOf(
				java.util.stream.IntStream.range(0, changed).mapToObj(i -> i % 2 == 0 ? "true" : "false").toList());
		assertThat(toggles.subList(changed, 150).stream().filter("false"::equals).count()).isLessThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from topic t join member m on m.id = t.author_id "
				+ "where m.username = ?", Long.class, username)).isEqualTo(5);
	}

	/** What an attack sent, what the application checked or admitted, what it refused (429), and how long. */
	record Figures(int attempts, long checked, long refused, long millis) {

		static Figures of(int attempts, IntFunction<Integer> attempt, int... admittedStatuses) {
			long started = System.nanoTime();
			long checked = 0;
			long refused = 0;
			for (int i = 0; i < attempts; i++) {
				int status = attempt.apply(i);
				if (status == 429) {
					refused++;
				}
				else {
					for (int admitted : admittedStatuses) {
						if (status == admitted) {
							checked++;
						}
					}
				}
			}
			return new Figures(attempts, checked, refused, (System.nanoTime() - started) / 1_000_000);
		}

		void print(String attack) {
			System.out.printf("[abuse] %s: %d attempts, %d admitted or checked, %d refused (429), %d ms%n", attack,
					attempts, checked, refused, millis);
		}
	}
}
