package com.forum.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.forum.board.BoardCatalog;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionSnapshot;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.StatusChange;
import com.forum.petition.TitleSimilarity;
import com.forum.search.SearchProperties;
import com.forum.search.internal.PetitionDocument;
import com.forum.search.internal.PetitionIndexer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Vote counts and statuses in the petitions index, against real PostgreSQL and Elasticsearch. */
@IntegrationTest
class PetitionVoteIndexingIntegrationTest {

	private static final int VOTERS = 400;

	/** Generous for a loaded machine; the index usually follows in about a second. */
	private static final Duration INDEXING = Duration.ofSeconds(30);

	@Autowired
	TitleSimilarity similarity;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionVoting voting;

	@Autowired
	PetitionTriage triage;

	@Autowired
	PetitionQueries petitions;

	@Autowired
	MemberRegistration registration;

	@Autowired
	BoardCatalog boards;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	SearchProperties search;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theIndexedVoteCountFollowsManyVotesWithinSecondsInAFewWrites() throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, VOTERS);
		PetitionId petition = submission.submit(new Actor(members.get(0), Role.MEMBER), new PetitionDraft(
				boards.get("hyperos").id(), "Lock-screen shortcut to the torch", "One swipe.", null, null, Set.of()));
		Await.until(INDEXING, () -> document(petition).found());
		long writesBefore = indexWrites();
		long versionBefore = document(petition).version();

		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			List<Future<?>> votes = new ArrayList<>();
			for (MemberId member : members.subList(1, members.size())) {
				votes.add(pool.submit(() -> voting.vote(new Actor(member, Role.MEMBER), petition, null)));
			}
			for (Future<?> vote : votes) {
				vote.get();
			}
		}
		long voted = System.nanoTime();
		Duration caughtUp = Await.until(INDEXING,
				() -> indexed(petition, doc -> doc.votes() == voting.count(petition)));
		long writes = indexWrites() - writesBefore;

		System.out.printf("%d votes in %d ms; the index showed all of them %d ms later, after %d writes%n", VOTERS,
				(voted - started) / 1_000_000, caughtUp.toMillis(), writes);
		assertThat(voting.count(petition)).isEqualTo(VOTERS);
		assertThat(writes).isPositive().isLessThanOrEqualTo(VOTERS / 20);
		assertThat(document(petition).version()).isGreaterThan(versionBefore)
			.isEqualTo(petitions.snapshots(List.of(petition)).get(0).indexVersion());
	}

	@Test
	void aLateWriteOfAnOlderStateIsRefusedByTheIndex() throws Exception {
		Actor author = actor("fan", Role.MEMBER);
		PetitionId petition = submission.submit(author, new PetitionDraft(boards.get("hyperos").id(),
				"Double-tap the back to take a screenshot", "Like on other phones.", null, null, Set.of()));
		PetitionSnapshot submitted = petitions.snapshots(List.of(petition)).get(0);
		triage.changeStatus(actor("pm", Role.EMPLOYEE), petition,
				new StatusChange(PetitionStatus.PLANNED, "Coming in the next build.", null, null));
		Await.until(INDEXING,
				() -> indexed(petition, doc -> doc.status().equals(PetitionStatus.PLANNED.name())));

		// what an indexer that reloaded the petition before the status change would write, arriving last
		BulkResponse late = elasticsearch.bulk(b -> b.index(petitionsAlias())
			.requireAlias(true)
			.operations(PetitionIndexer.operationFor(submitted, similarity)));

		assertThat(petitions.snapshots(List.of(petition)).get(0).indexVersion())
			.isGreaterThan(submitted.indexVersion());
		assertThat(late.items()).singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(409));
		assertThat(document(petition).source().status()).isEqualTo(PetitionStatus.PLANNED.name());
	}

	@Test
	void anIndexVersionIsDrawnOnlyWhenSomethingTheDocumentShowsChanges() {
		Actor employee = actor("pm", Role.EMPLOYEE);
		PetitionId petition = submission.submit(actor("fan", Role.MEMBER), new PetitionDraft(
				boards.get("hyperos").id(), "Battery percentage inside the icon", "Compact.", null, null, Set.of()));
		long submitted = indexVersion(petition);

		triage.assign(employee, petition, "system-ui", null);
		long assigned = indexVersion(petition);
		// search finds petitions by their official responses: a response is something the document shows
		triage.respond(employee, petition, "Thanks, we are looking at it.");
		long answered = indexVersion(petition);
		triage.changeStatus(employee, petition, new StatusChange(PetitionStatus.UNDER_REVIEW, null, null, null));
		long reviewed = indexVersion(petition);
		voting.vote(actor("backer", Role.MEMBER), petition, null);
		Await.until(INDEXING, () -> petitions.snapshots(List.of(petition)).get(0).votes() == 2);
		long counted = indexVersion(petition);

		assertThat(assigned).isEqualTo(submitted);
		assertThat(answered).isGreaterThan(assigned);
		assertThat(reviewed).isGreaterThan(answered);
		assertThat(counted).isGreaterThan(reviewed);
	}

	private long indexVersion(PetitionId petition) {
		return petitions.snapshots(List.of(petition)).get(0).indexVersion();
	}

	/** Whether the petition is in the index yet and its document shows what the test waits for. */
	private boolean indexed(PetitionId petition, Predicate<PetitionDocument> showing) {
		GetResponse<PetitionDocument> response = document(petition);
		return response.found() && showing.test(response.source());
	}

	private GetResponse<PetitionDocument> document(PetitionId petition) {
		try {
			return elasticsearch.get(g -> g.index(petitionsAlias()).id(Long.toString(petition.value())),
					PetitionDocument.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Documents Elasticsearch has written into the petitions index so far (refused writes not counted). */
	private long indexWrites() throws IOException {
		return elasticsearch.indices()
			.stats(s -> s.index(petitionsAlias()))
			.all()
			.primaries()
			.indexing()
			.indexTotal();
	}

	private String petitionsAlias() {
		return search.indexPrefix() + "-petitions";
	}

	private Actor actor(String name, Role role) {
		String username = name + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return new Actor(registration.register(username, username + "@example.com", "correct horse battery", role),
				role);
	}

}
