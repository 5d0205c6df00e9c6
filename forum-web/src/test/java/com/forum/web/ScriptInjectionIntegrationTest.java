package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.forum.member.Privilege;
import com.forum.points.Ledger;
import com.forum.reputation.Privileges;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ScriptInjectionIntegrationTest {

	private static final String ATTACKS = """
			<script>alert('body')</script>
			<img src=x onerror="alert('img')">
			[click me](javascript:alert('link'))
			<a href="javascript:alert('a')">a</a>
			<svg/onload=alert('svg')>
			</textarea><script>alert('break-out')</script>
			""";

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Privileges privileges;

	@Test
	void scriptInAPostNeverReachesThePageUnescaped() {
		ApiClient api = new ApiClient(port);
		Member attacker = api.newMember("attacker");
		// links are a privilege: the attacker has the reputation for them, so the sanitizer is what stops them
		Reputations.set(ledger, jdbc, attacker.username(), privileges.needs(Privilege.POST_LINKS_IMAGES));
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title",
				"<script>alert('title')</script> xssprobe", "body", ATTACKS), attacker.token()).json().get("id").asLong();
		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", ATTACKS), attacker.token());

		String page = api.page("/threads/" + thread);

		assertThat(page).contains("xssprobe");
		assertThat(page).doesNotContain("alert('title')</script>").doesNotContain("<script>alert");
		assertNoDangerousTags(page);

		Await.until(Duration.ofSeconds(10), () -> api.get("/api/v1/search?q=xssprobe", null).json()
			.get("totalItems").asLong() >= 1);
		String results = api.page("/search?q=xssprobe");
		assertThat(results).doesNotContain("<script>alert");
		assertNoDangerousTags(results);
		// the fields that carry HTML are escaped with only <mark> left; threadTitle is the plain text as typed
		// (other tests' titles may hold tags too), for clients to escape like any text
		for (var item : api.get("/api/v1/search?q=onerror", null).json().get("items")) {
			for (String html : List.of("titleHtml", "snippetHtml")) {
				if (item.hasNonNull(html)) {
					assertThat(item.get(html).asString().replace("<mark>", "").replace("</mark>", "")).as(html)
						.doesNotContain("<");
				}
			}
		}
	}

	@Test
	void officialResponsesAndReleaseNotesShowTheirMarkdownButNoScript() {
		ApiClient api = new ApiClient(port);
		String employee = api.token("employee", "employee-demo-2026");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long petition = api.post("/api/v1/petitions", Map.of("boardId", board, "title", "Official words in Markdown",
				"description", "Please."), api.newMember("asker").token()).json().get("id").asLong();
		String words = "We **love** it.\n\n" + ATTACKS;
		api.post("/api/v1/petitions/" + petition + "/responses", Map.of("response", words), employee);
		long release = api.post("/api/v1/releases", Map.of("version", "md-" + System.nanoTime() % 100_000, "notes",
				"The **camera** build.\n\n" + ATTACKS), employee).json().get("id").asLong();
		api.post("/api/v1/releases/" + release + "/publish", null, employee);

		String petitionPage = api.page("/petitions/" + petition);
		String releasePage = api.page("/releases/" + release);

		assertThat(petitionPage).contains("<strong>love</strong>").doesNotContain("**love**", "<script>alert");
		assertThat(releasePage).contains("<strong>camera</strong>").doesNotContain("**camera**", "<script>alert");
		assertNoDangerousTags(petitionPage);
		assertNoDangerousTags(releasePage);
		JsonNode response = api.get("/api/v1/petitions/" + petition + "/history", null).json().get("items").get(0);
		assertThat(response.get("response").asString()).isEqualTo(words.strip());
		assertThat(response.get("responseHtml").asString()).contains("<strong>love</strong>").doesNotContain("<script");
		JsonNode note = api.get("/api/v1/releases/" + release, null).json();
		assertThat(note.get("notes").asString()).startsWith("The **camera** build.");
		assertThat(note.get("notesHtml").asString()).contains("<strong>camera</strong>").doesNotContain("<script");
	}

	/** Private messages render as replies do: the conversation page and the inbox show no script. */
	@Test
	void scriptInAPrivateMessageNeverReachesTheConversationPageUnescaped() {
		ApiClient api = new ApiClient(port);
		Member attacker = api.newMember("attacker");
		Member reader = api.newMember("reader");
		Reputations.set(ledger, jdbc, attacker.username(), privileges.needs(Privilege.START_CONVERSATIONS));
		long conversation = api.post("/api/v1/conversations", Map.of("recipients", List.of(reader.username()),
				"subject", "<script>alert('subject')</script> pmprobe", "body", ATTACKS), attacker.token())
			.json()
			.get("id")
			.asLong();
		api.post("/api/v1/conversations/" + conversation + "/messages", Map.of("body", ATTACKS), reader.token());

		Browser browser = new Browser(port).signIn(reader);
		for (String path : List.of("/messages/" + conversation, "/messages")) {
			String page = browser.get(path).body();
			assertThat(page).as(path).contains("pmprobe").doesNotContain("<script>alert");
			assertNoDangerousTags(page);
		}
	}

	private static void assertNoDangerousTags(String html) {
		List<String> tags = TAG.matcher(html).results().map(m -> m.group().toLowerCase()).toList();
		assertThat(tags).allSatisfy(tag -> assertThat(tag)
			.doesNotContain("javascript:")
			.doesNotContainPattern("\\son[a-z]+\\s*=")
			.doesNotStartWith("<svg"));
		assertThat(tags).filteredOn(tag -> tag.startsWith("<script")).allSatisfy(tag -> assertThat(tag).contains("src="));
	}
}
