package com.forum.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls in threads: asked through the API and the pages, voted in, changed, taken back, closed, and counted exactly. */
@ConcurrentIntegrationTest
class PollsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	ApiClient api;

	long board;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void fiftyMembersVotingAtOnceAreCountedExactlyAndADoubleSubmissionCountsOnce() throws Exception {
		Member author = member("pollster");
		long thread = startWithPoll(author, "Fifty voters at once", poll("Which colour?", List.of("Black", "White",
				"Blue"), false, null, null));
		List<Long> options = optionIds(thread, author);
		List<Member> voters = Concurrently.run(50, Executors.newFixedThreadPool(8), i -> member("voter"));

		// 50 voters; the first 20 send their vote twice at once; the last 10 vote Black, then change to Blue
		List<Integer> statuses = Concurrently.run(70, Executors.newFixedThreadPool(32), task -> {
			int voter = task < 50 ? task : task - 50;
			String token = voters.get(voter).token();
			if (voter >= 40) {
				int first = vote(thread, token, List.of(options.get(0))).status();
				return first == 200 ? vote(thread, token, List.of(options.get(2))).status() : first;
			}
			return vote(thread, token, List.of(options.get(voter % 3))).status();
		});

		assertThat(statuses).containsOnly(200);
		Map<Long, Long> expected = new HashMap<>();
		for (int voter = 0; voter < 50; voter++) {
			expected.merge(options.get(voter >= 40 ? 2 : voter % 3), 1L, Long::sum);
		}
		JsonNode poll = api.get("/api/v1/threads/" + thread + "/poll", voters.get(0).token()).json();
		assertThat(poll.get("voters").asLong()).isEqualTo(50);
		assertThat(counts(poll)).isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(*) from poll_choice c join poll p on p.id = c.poll_id "
				+ "where p.topic_id = ?", Long.class, thread)).isEqualTo(50);
	}

	@Test
	void resultsShowOnlyAfterVotingAndAVoteIsChangedOrTakenBack() {
		Member author = member("asker");
		Member voter = member("voter");
		Member other = member("voter");
		long thread = startWithPoll(author, "Results after voting", poll("Best launcher?", List.of("Stock", "Nova",
				"Lawnchair"), true, 2, null));
		List<Long> options = optionIds(thread, voter);
		assertThat(vote(thread, other.token(), List.of(options.get(1))).status()).isEqualTo(200);

		JsonNode before = api.get("/api/v1/threads/" + thread + "/poll", voter.token()).json();
		assertThat(before.get("resultsShown").asBoolean()).isFalse();
		assertThat(before.get("voters").asLong()).isEqualTo(1);
		assertThat(before.get("options")).allSatisfy(option -> assertThat(option.get("votes").isNull()).isTrue());
		assertThat(api.get("/api/v1/threads/" + thread + "/poll", author.token()).json().get("resultsShown")
			.asBoolean()).as("the author too sees them after voting").isFalse();

		JsonNode voted = vote(thread, voter.token(), List.of(options.get(0), options.get(1))).json();
		assertThat(voted.get("resultsShown").asBoolean()).isTrue();
		assertThat(counts(voted)).isEqualTo(Map.of(options.get(0), 1L, options.get(1), 2L, options.get(2), 0L));
		assertThat(voted.get("chosen")).extracting(JsonNode::asLong).containsExactly(options.get(0), options.get(1));

		JsonNode changed = vote(thread, voter.token(), List.of(options.get(2))).json();
		assertThat(counts(changed)).isEqualTo(Map.of(options.get(0), 0L, options.get(1), 1L, options.get(2), 1L));
		assertThat(changed.get("voters").asLong()).isEqualTo(2);

		JsonNode retracted = api.delete("/api/v1/threads/" + thread + "/poll/vote", voter.token()).json();
		assertThat(retracted.get("resultsShown").asBoolean()).isFalse();
		assertThat(retracted.get("voters").asLong()).isEqualTo(1);
		assertThat(retracted.get("chosen")).isEmpty();
		assertThat(api.delete("/api/v1/threads/" + thread + "/poll/vote", voter.token()).status())
			.as("taking back no vote changes nothing").isEqualTo(200);
	}

	@Test
	void aClosedPollOrALockedThreadRefusesVotesAndAClosedPollShowsItsResultsToAll() {
		Member author = member("closer");
		Member voter = member("voter");
		long thread = startWithPoll(author, "Closed early", poll("Keep it open?", List.of("Yes", "No"), false, null,
				Instant.now().plusSeconds(3600)));
		List<Long> options = optionIds(thread, voter);
		vote(thread, voter.token(), List.of(options.get(0)));

		assertThat(api.post("/api/v1/threads/" + thread + "/poll/close", null, voter.token()).status()).isEqualTo(403);
		JsonNode closed = api.post("/api/v1/threads/" + thread + "/poll/close", null, author.token()).json();
		assertThat(closed.get("closed").asBoolean()).isTrue();

		Response late = vote(thread, member("late").token(), List.of(options.get(1)));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("type").asString()).isEqualTo("/problems/rules/poll-closed");
		assertThat(api.delete("/api/v1/threads/" + thread + "/poll/vote", voter.token()).status()).isEqualTo(409);
		JsonNode seen = api.get("/api/v1/threads/" + thread + "/poll", null).json();
		assertThat(seen.get("resultsShown").asBoolean()).isTrue();
		assertThat(counts(seen)).isEqualTo(Map.of(options.get(0), 1L, options.get(1), 0L));

		long locked = startWithPoll(author, "Locked thread poll", poll("Locked?", List.of("Yes", "No"), false, null,
				null));
		String moderator = SeededMember.create(jdbc, "moderator", "MODERATOR").token();
		api.put("/api/v1/threads/" + locked + "/lock", null, moderator);
		Response refused = vote(locked, voter.token(), List.of(optionIds(locked, voter).get(0)));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/poll-thread-locked");
		api.delete("/api/v1/threads/" + locked + "/lock", moderator);
		api.delete("/api/v1/threads/" + locked, author.token());
		assertThat(vote(locked, voter.token(), List.of(1L)).status()).isEqualTo(404);
	}

	@Test
	void badPollsAndBadVotesAreRefusedNamingTheFieldAndWriteNothing() {
		Member author = member("careless");
		List<String> many = IntStream.range(0, 21).mapToObj(i -> "Option " + i).toList();
		Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
		bad.put("options", poll("Empty?", List.of("", " "), false, null, null));
		bad.put("options ", poll("Too many?", many, false, null, null));
		bad.put("options  ", poll("Twice?", List.of("Yes", "yes"), false, null, null));
		bad.put("closesAt", poll("Past?", List.of("Yes", "No"), false, null, Instant.now().minusSeconds(60)));
		bad.put("maxChoices", poll("Most?", List.of("Yes", "No"), true, 3, null));
		bad.put("question", poll(" ", List.of("Yes", "No"), false, null, null));
		String title = "Refused poll " + System.nanoTime();
		bad.forEach((field, poll) -> {
			Response refused = api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body", "b", "poll",
					poll), author.token());
			assertThat(refused.status()).as(field).isEqualTo(400);
			assertThat(refused.json().get("type").asString()).as(field).isEqualTo("/problems/validation");
			assertThat(refused.body()).as(field).contains("\"" + field.strip() + "\"");
		});
		assertThat(jdbc.queryForObject("select count(*) from topic where title = ?", Long.class, title))
			.as("no thread without its poll").isZero();

		long first = startWithPoll(author, "First poll", poll("One?", List.of("A", "B", "C"), true, 2, null));
		long second = startWithPoll(author, "Second poll", poll("Two?", List.of("X", "Y"), false, null, null));
		Member voter = member("voter");
		List<Long> options = optionIds(first, voter);
		Response foreign = vote(first, voter.token(), List.of(optionIds(second, voter).get(0)));
		Response tooMany = vote(first, voter.token(), options);
		Response none = vote(first, voter.token(), List.of());

		assertThat(List.of(foreign, tooMany, none)).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
		assertThat(foreign.body()).contains("optionIds");
		assertThat(jdbc.queryForObject("select count(*) from poll_ballot b join poll p on p.id = b.poll_id "
				+ "where p.topic_id in (?, ?)", Long.class, first, second)).isZero();
	}

	@Test
	void onlyTheThreadsAuthorAddsAPollAndOnlyOne() {
		Member author = member("later");
		long thread = api.startThread(author, "hyperos", "A poll added later", "Opening post.");
		Map<String, Object> poll = poll("Added later?", List.of("Yes", "No"), false, null, null);

		assertThat(api.get("/api/v1/threads/" + thread + "/poll", null).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/threads/" + thread + "/poll", poll, member("other").token()).status())
			.isEqualTo(403);
		Response added = api.post("/api/v1/threads/" + thread + "/poll", poll, author.token());
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("question").asString()).isEqualTo("Added later?");
		Response again = api.post("/api/v1/threads/" + thread + "/poll", poll, author.token());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/rules/poll-exists");
	}

	@Test
	void thePollOfAnOpeningPostHiddenPendingReviewIsShownOnlyToItsAuthorAndTheModerators() {
		Member author = member("hiddenpoll");
		long thread = startWithPoll(author, "A poll soon hidden", poll("Hidden question?", List.of("Yes", "No"), false,
				null, null));
		String moderator = SeededMember.create(jdbc, "moderator", "MODERATOR").token();
		assertThat(api.post("/api/v1/threads/" + thread + "/hide", Map.of("reason", "spam"), moderator).status())
			.isEqualTo(200);

		assertThat(api.get("/api/v1/threads/" + thread + "/poll", null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/threads/" + thread + "/poll", member("reader").token()).status()).isEqualTo(404);
		assertThat(visit("/threads/" + thread)).doesNotContain("Hidden question?");
		assertThat(api.get("/api/v1/threads/" + thread + "/poll", author.token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/threads/" + thread + "/poll", moderator).status()).isEqualTo(200);
	}

	@Test
	void thePagesAskAndVoteWithPlainFormsAndAVisitorsKeptPageShowsNoOnesChoice() {
		Member author = member("formpoll");
		Member voter = member("formvoter");
		Browser authorBrowser = new Browser(port).signIn(author);
		String form = "title=" + Browser.enc("A poll from the form") + "&body=" + Browser.enc("Vote below.")
				+ "&poll.question=" + Browser.enc("Tea or coffee?") + "&poll.options=" + Browser.enc("Tea\nCoffee\nTea")
				+ "&_poll.multiple=on&_csrf=" + Browser.enc(authorBrowser.csrf());
		HttpResponse<String> refused = authorBrowser.post("/boards/hyperos/threads", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("#poll\\.options-error").text()).contains("Tea");
		HttpResponse<String> started = authorBrowser.post("/boards/hyperos/threads",
				form.replace(Browser.enc("Tea\nCoffee\nTea"), Browser.enc("Tea\nCoffee")));
		String location = started.headers().firstValue("Location").orElseThrow();
		long thread = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		String visitorPage = keep("/threads/" + thread);
		assertThat(visitorPage).contains("Tea or coffee?", "Sign in to vote").doesNotContain("poll-bar");

		Browser voterBrowser = new Browser(port).signIn(voter);
		Document before = Jsoup.parse(voterBrowser.get("/threads/" + thread).body());
		assertThat(before.select(".poll-results")).isEmpty();
		String tea = before.select("input[name=option]").first().attr("value");
		HttpResponse<String> voted = voterBrowser.post("/threads/" + thread + "/poll/vote",
				"option=" + tea + "&_csrf=" + Browser.enc(voterBrowser.csrf()));
		assertThat(voted.headers().firstValue("Location").orElseThrow()).endsWith("#poll");
		Document after = Jsoup.parse(voterBrowser.get("/threads/" + thread).body());
		assertThat(after.select(".poll-result.is-chosen .poll-figure").text()).isEqualTo("1 vote (100%)");
		assertThat(after.select(".poll-bar-fill").first().attr("style")).contains("100%");

		String visitorAfter = visit("/threads/" + thread);
		assertThat(visitorAfter).contains("1 voter").doesNotContain("Your choice", "checked", "poll-bar");

		authorBrowser.post("/threads/" + thread + "/poll/close", "_csrf=" + Browser.enc(authorBrowser.csrf()));
		assertThat(visit("/threads/" + thread)).as("closed: the results for all").contains("poll-bar");
		voterBrowser.post("/threads/" + thread + "/poll/vote", "option=" + tea + "&_csrf=" + Browser.enc(voterBrowser.csrf()));
		assertThat(Jsoup.parse(voterBrowser.get("/threads/" + thread).body()).select(".poll-error").text())
			.isEqualTo("This poll is closed: it takes no more votes.");
	}

	private long startWithPoll(Member author, String title, Map<String, Object> poll) {
		Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body", "Vote, please.",
				"poll", poll), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Map<String, Object> poll(String question, List<String> options, boolean multiple, Integer max,
			Instant closesAt) {
		Map<String, Object> poll = new LinkedHashMap<>();
		poll.put("question", question);
		poll.put("options", options);
		poll.put("multiple", multiple);
		if (max != null) {
			poll.put("maxChoices", max);
		}
		if (closesAt != null) {
			poll.put("closesAt", closesAt.toString());
		}
		return poll;
	}

	private List<Long> optionIds(long thread, Member reader) {
		List<Long> ids = new ArrayList<>();
		api.get("/api/v1/threads/" + thread + "/poll", reader.token()).json().get("options")
			.forEach(option -> ids.add(option.get("id").asLong()));
		return ids;
	}

	private Response vote(long thread, String token, List<Long> options) {
		return api.put("/api/v1/threads/" + thread + "/poll/vote", Map.of("optionIds", options), token);
	}

	private static Map<Long, Long> counts(JsonNode poll) {
		Map<Long, Long> counts = new HashMap<>();
		poll.get("options").forEach(option -> counts.put(option.get("id").asLong(), option.get("votes").asLong()));
		return counts;
	}

	/** Visits a page as a visitor until it is kept, and returns it. */
	private String keep(String path) {
		visit(path);
		return visit(path);
	}

	private String visit(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept-Language", "en").build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(path, ex);
		}
	}

	private Member member(String prefix) {
		return SeededMember.confirmed(jdbc, passwords, prefix);
	}
}
