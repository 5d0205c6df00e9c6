package com.forum.web.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardKind;
import com.forum.discussion.Discussions;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionSubmission;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The number of SQL statements behind the most read pages does not grow with what they show: the same
 * for a thread of 5 replies as of 20 (a full page), for a board or petition list of 5 entries as of 50
 * (a full first page), every author different, so a query per reply, thread or author would show. The
 * pages are requested in this thread (MockMvc through the security filters), where
 * {@link StatementCounter} counts every statement, JPA's and JdbcTemplate's alike.
 */
@IntegrationTest
@Import(StatementCounter.class)
class QueriesPerPageIntegrationTest {

	/** The most statements any of these pages may take; what each takes today is in the failure message. */
	static final int BOUND = 15;

	/**
	 * The most statements posting a reply may take in its request; it takes 19 today, five of them the
	 * event publications of the reply's listeners (search, points, notifications, watchers, auto-tracking):
	 * each listener is one row, the price of a reaction that survives a crash.
	 */
	static final int REPLY_BOUND = 20;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BoardCatalog boards;

	@Autowired
	Discussions discussions;

	@Autowired
	PetitionSubmission petitions;

	MockMvc mvc;

	@BeforeEach
	void anonymousReader() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void theThreadPageTakesAsManyStatementsForTwentyRepliesAsForFive() {
		String few = "/threads/" + thread(5).value();
		String many = "/threads/" + thread(20).value();

		assertSameBoundedCount(few, many);
	}

	@Test
	void theThreadJsonTakesAsManyStatementsForTwentyRepliesAsForFive() {
		long few = thread(5).value();
		long many = thread(20).value();

		assertSameBoundedCount("/api/v1/threads/" + few, "/api/v1/threads/" + many);
		assertSameBoundedCount("/api/v1/threads/" + few + "/replies", "/api/v1/threads/" + many + "/replies");
	}

	@Test
	void theBoardListingTakesAsManyStatementsForFiftyThreadsAsForFive() {
		BoardId few = board();
		BoardId many = board();
		startThreads(few, 5);
		startThreads(many, 50);

		assertSameBoundedCount("/boards/" + slug(few), "/boards/" + slug(many));
		assertSameBoundedCount("/api/v1/threads?boardId=" + few.value(), "/api/v1/threads?boardId=" + many.value());
	}

	@Test
	void thePetitionListTakesAsManyStatementsForFiftyPetitionsAsForFive() {
		BoardId few = board();
		BoardId many = board();
		submitPetitions(few, 5);
		submitPetitions(many, 50);

		assertSameBoundedCount("/petitions?board=" + slug(few), "/petitions?board=" + slug(many));
		assertSameBoundedCount("/api/v1/petitions?boardId=" + few.value(),
				"/api/v1/petitions?boardId=" + many.value());
	}

	/**
	 * Posting is the write path's hot spot: its request checks the author's standing and trust, writes
	 * the reply with its event publications and answers with the reply. What listeners do later runs on
	 * other threads and is not counted here.
	 */
	@Test
	void postingAReplyTakesABoundedNumberOfStatements() {
		TopicId topic = thread(2);
		SeededMember replier = SeededMember.create(jdbc, "replier", "MEMBER", "none");
		postReply(topic, replier, "A first reply, so that what is loaded once is loaded " + tag());

		List<String> statements = StatementCounter.during(() -> postReply(topic, replier, "And a second " + tag()));

		assertThat(statements).as("statements of posting a reply:%n%s", String.join("\n", statements))
			.hasSizeLessThanOrEqualTo(REPLY_BOUND);
	}

	private void postReply(TopicId topic, SeededMember member, String body) {
		try {
			mvc.perform(post("/api/v1/threads/" + topic.value() + "/replies")
				.header("Authorization", "Bearer " + member.token())
				.contentType("application/json")
				.content("{\"body\":\"" + body + "\"}")).andExpect(status().isCreated());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private void assertSameBoundedCount(String few, String many) {
		// once each first: what is loaded once per application (boards, settings) is not the page's cost
		statementsOf(few);
		statementsOf(many);
		List<String> fewStatements = statementsOf(few);
		List<String> manyStatements = statementsOf(many);

		// Spring Data skips the page's count query when the first page is not full, so the short list
		// may take one statement fewer: compared without it, and it may run once
		assertThat(withoutCounts(manyStatements))
			.as("statements of %s against %s:%n%s", many, few, String.join("\n", manyStatements))
			.hasSameSizeAs(withoutCounts(fewStatements));
		assertThat(manyStatements.size() - withoutCounts(manyStatements).size()).isLessThanOrEqualTo(1);
		assertThat(manyStatements).hasSizeLessThanOrEqualTo(BOUND);
	}

	private static List<String> withoutCounts(List<String> statements) {
		return statements.stream().filter(sql -> !sql.startsWith("select count(")).toList();
	}

	private List<String> statementsOf(String path) {
		return StatementCounter.during(() -> {
			try {
				mvc.perform(get(path).header("Accept-Language", "en")).andExpect(status().isOk());
			}
			catch (Exception e) {
				throw new IllegalStateException(path, e);
			}
		});
	}

	private TopicId thread(int replies) {
		List<MemberId> authors = SeededMember.many(jdbc, replies + 1);
		TopicId topic = discussions.startTopic(actor(authors.get(0)), board(), "Battery life after the update " + tag(),
				"Screen-on time for a week: **seven hours** a day.");
		for (int i = 1; i <= replies; i++) {
			discussions.reply(actor(authors.get(i)), topic, "Same here, reply " + i + " " + tag(), null);
		}
		return topic;
	}

	private void startThreads(BoardId board, int count) {
		List<MemberId> authors = SeededMember.many(jdbc, count);
		for (MemberId author : authors) {
			discussions.startTopic(actor(author), board, "A thread of the listing " + tag(), "Its opening post.");
		}
	}

	private void submitPetitions(BoardId board, int count) {
		List<MemberId> authors = SeededMember.many(jdbc, count);
		for (MemberId author : authors) {
			petitions.submit(actor(author), new PetitionDraft(board, "Petition " + tag() + " " + tag(),
					"What it asks for, in a sentence or two.", null, null, Set.of()));
		}
	}

	private BoardId board() {
		String slug = "queries-" + tag();
		return boards.create(slug, slug, "A board of the statement counts.", BoardKind.DISCUSSION);
	}

	private String slug(BoardId board) {
		return jdbc.queryForObject("select slug from board where id = ?", String.class, board.value());
	}

	private static Actor actor(MemberId member) {
		return new Actor(member, Role.MEMBER);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
