package com.forum.web.browser;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardKind;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Reputations;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser journeys share: the browser (through {@link Journeys}), and data made through the
 * API as other members would make it. Journeys never rely on demo data: they make their own boards,
 * members, threads and petitions.
 */
abstract class JourneyTest {

	/** The languages every journey runs in. */
	static final String LANGUAGES = "en, zh-CN";

	static final String TALK = "journey-talk";

	static final String HELP = "journey-help";

	/** Every member a journey makes signs in with this password. */
	static final String PASSWORD = "journeys through the forum";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The password hashed once: Argon2 on purpose takes a while, and journeys make many members. */
	private static String passwordHash;

	@RegisterExtension
	static final Journeys journeys = new Journeys();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	BoardCatalog boards;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Ledger ledger;

	ApiClient api;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		ensureBoard(TALK, "Journey talk", BoardKind.DISCUSSION);
		ensureBoard(HELP, "Journey help", BoardKind.SUPPORT);
	}

	Journey journey(String name, String language) {
		return journeys.start(port, name, language);
	}

	long boardId(String slug) {
		return boards.get(slug).id().value();
	}

	/**
	 * A member with {@link #PASSWORD} and a bearer token for the API, written straight into the database
	 * (registering is a journey of its own; here it would only spend the time hashing passwords).
	 */
	Member member(String prefix) {
		return member(prefix, "MEMBER");
	}

	/** A member of another role: EMPLOYEE, MODERATOR or ADMIN. */
	Member staff(String prefix, String role) {
		return member(prefix, role);
	}

	private Member member(String prefix, String role) {
		SeededMember seeded = SeededMember.create(db, prefix, role, passwordHash(passwords));
		return new Member(seeded.username(), PASSWORD, seeded.token());
	}

	/** The member earned this much reputation (one ledger entry), and the privileges it unlocks. */
	Member reputed(Member member, long reputation) {
		Reputations.set(ledger, db, member.username(), reputation);
		return member;
	}

	/** The member chose a language in their profile: pages and notifications follow it. */
	Member speaking(Member member, String language) {
		assertThat(db.update("update member set language = ? where username = ?", language, member.username()))
			.isEqualTo(1);
		return member;
	}

	private static synchronized String passwordHash(PasswordEncoder passwords) {
		if (passwordHash == null) {
			passwordHash = passwords.encode(PASSWORD);
		}
		return passwordHash;
	}

	long thread(Member author, String board, String title, String body) {
		return created(api.post("/api/v1/threads", Map.of("boardId", boardId(board), "title", title, "body", body),
				author.token()));
	}

	long reply(Member author, long thread, String body) {
		return created(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", body), author.token()));
	}

	long petition(Member author, String title, String description, String tag) {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("boardId", boardId(TALK));
		draft.put("title", title);
		draft.put("description", description);
		draft.put("tags", Set.of(tag));
		return created(api.post("/api/v1/petitions", draft, author.token()));
	}

	void vote(Member voter, long petition, String device) {
		Response voted = api.put("/api/v1/petitions/" + petition + "/vote", Map.of("deviceModel", device),
				voter.token());
		assertThat(voted.status()).as("vote: %s", voted).isBetween(200, 299);
	}

	private static long created(Response response) {
		assertThat(response.status()).as("created: %s", response).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	/** Six lower-case letters, to find this journey's own data among everyone's. */
	static String marker() {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return word.toString();
	}

	/** Three Chinese characters in no word, for searches that must find only this journey's posts. */
	static String chineseMarker() {
		StringBuilder word = new StringBuilder();
		while (word.length() < 3) {
			char c = (char) (0x4E00 + RANDOM.nextInt(0x9FA5 - 0x4E00));
			if (word.indexOf(String.valueOf(c)) < 0) {
				word.append(c);
			}
		}
		return word.toString();
	}

	static List<String> texts(List<org.openqa.selenium.WebElement> elements) {
		return elements.stream().map(org.openqa.selenium.WebElement::getText).toList();
	}

	/** Once for every browser class: two of them may start at the same moment. */
	private void ensureBoard(String slug, String name, BoardKind kind) {
		synchronized (JourneyTest.class) {
			if (boards.find(slug).isEmpty()) {
				boards.create(slug, name, "Made by the browser journeys.", kind);
			}
		}
	}
}
