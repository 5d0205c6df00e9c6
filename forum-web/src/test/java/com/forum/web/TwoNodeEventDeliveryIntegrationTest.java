package com.forum.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.forum.ForumApplication;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes share one database, Redis and Elasticsearch, as in production: the shared
 * test context is node A, a second context in this JVM is node B. Both deliver events and both run
 * the retry job, so this checks that no effect is lost or doubled when they work side by side and
 * when they race to retry the same publications.
 */
@IntegrationTest
class TwoNodeEventDeliveryIntegrationTest {

	private static final int VOTERS = 30;

	private static final int FOLLOWERS = 10;

	/** Each round is one status change through one node and one official response through the other. */
	private static final List<String> STATUSES = List.of("under_review", "planned", "in_progress", "planned",
			"in_progress", "planned", "in_progress", "planned", "in_progress", "planned");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${forum.mail.sink-file}")
	Path sinkFile;

	@Test
	void twoNodesDeliverEveryNotificationAndEmailOnceEvenWhenBothRetryTheSamePublications() throws Exception {
		long testStarted = System.nanoTime();
		try (ConfigurableApplicationContext nodeB = startSecondNode()) {
			long nodeBStarted = System.nanoTime();
			ApiClient a = new ApiClient(port);
			ApiClient b = new ApiClient(nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			List<ApiClient> nodes = List.of(a, b);
			String employee = a.token("employee", "employee-demo-2026");
			long board = b.get("/api/v1/boards/hyperos", null).json().get("id").asLong();

			SeededMember author = SeededMember.create(jdbc, "two-node", "MEMBER");
			Response submitted = b.post("/api/v1/petitions", Map.of("boardId", board, "title",
					"Two nodes, one notification " + UUID.randomUUID().toString().substring(0, 8), "description",
					"Every backer should hear of each change exactly once.", "tags", List.of("ideas")),
					author.token());
			assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
			long petition = submitted.json().get("id").asLong();
			Set<Long> recipients = new HashSet<>(Set.of(author.id()));
			List<SeededMember> backers = new ArrayList<>();
			for (int i = 0; i < VOTERS + FOLLOWERS; i++) {
				SeededMember backer = SeededMember.create(jdbc, i < VOTERS ? "voter" : "follower", "MEMBER");
				backers.add(backer);
				recipients.add(backer.id());
			}
			// voters vote and followers follow, through both nodes
			inParallel(backers.size(), i -> {
				ApiClient node = nodes.get(i % 2);
				String path = "/api/v1/petitions/" + petition + (i < VOTERS ? "/vote" : "/subscription");
				Response backed = node.put(path, i < VOTERS ? Map.of() : Map.of("mode", "follow"), backers.get(i).token());
				assertThat(backed.status()).as(backed.body()).isEqualTo(200);
				return backed;
			});
			PetitionFanOut fanOut = new PetitionFanOut(jdbc, petition);

			long started = System.nanoTime();
			System.out.printf("two nodes: node B started in %d ms, %d members backing the petition in %d ms%n",
					Duration.ofNanos(nodeBStarted - testStarted).toMillis(), VOTERS + FOLLOWERS + 1,
					Duration.ofNanos(started - nodeBStarted).toMillis());
			for (int round = 0; round < STATUSES.size(); round++) {
				ApiClient one = nodes.get(round % 2);
				ApiClient other = nodes.get((round + 1) % 2);
				Response changed = one.post("/api/v1/petitions/" + petition + "/status",
						Map.of("status", STATUSES.get(round), "response", "Round " + round + ": now " + STATUSES.get(round)),
						employee);
				assertThat(changed.status()).as(changed.body()).isEqualTo(200);
				Response responded = other.post("/api/v1/petitions/" + petition + "/responses",
						Map.of("response", "Round " + round + ": an official word"), employee);
				assertThat(responded.status()).as(responded.body()).isEqualTo(201);
			}
			Duration delivered = Await.until(Duration.ofSeconds(90), () -> fanOut.owed() == 0);
			long deliveredAfter = Duration.ofNanos(System.nanoTime() - started).toMillis();

			// As if the node delivering each notifier publication had died after writing the
			// notifications and sending the mail but before recording completion: the publications are
			// owed again, and both nodes' retry jobs see them at once.
			List<String> reopened = jdbc.queryForList("""
					with reopened as (
					    delete from event_publication_archive
					    where listener_id like '%PetitionNotifier%'
					      and (serialized_event::jsonb -> 'petitionId' ->> 'value')::bigint = ?
					    returning *)
					insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
					                               completion_attempts)
					select id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 0 from reopened
					returning id::text""", String.class, petition);
			assertThat(reopened).hasSize(2 * STATUSES.size());
			Duration redelivered = Await.until(Duration.ofSeconds(90), () -> fanOut.owed() == 0);

			List<String> events = fanOut.notifiedEvents();
			assertThat(events).as("one notifier publication per status change and response")
				.hasSize(2 * STATUSES.size())
				.doesNotHaveDuplicates();
			fanOut.assertEveryRecipientToldOncePerEvent(recipients, events);
			// both nodes append to the same sink; the re-opened deliveries found everything sent already
			Map<String, Long> timesSent = fanOut.timesSent(MailSinkFile.sentCounts(sinkFile));
			assertThat(timesSent).hasSize(recipients.size() * events.size());
			assertThat(timesSent).allSatisfy((mail, times) -> assertThat(times).as(mail).isEqualTo(1));
			// a publication claimed by both retry jobs would have counted two attempts
			Map<String, Integer> attempts = jdbc.query(
					"select id::text, completion_attempts from event_publication_archive where id::text = any(?)",
					(rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)), (Object) reopened.toArray(String[]::new))
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			assertThat(attempts).containsOnlyKeys(reopened);
			assertThat(attempts).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

			System.out.printf(
					"two nodes: %d events to %d recipients: %d notifications and %d e-mails, delivered %d ms after the "
							+ "first change (%d ms after the last); %d re-opened publications redelivered in %d ms%n",
					events.size(), recipients.size(), recipients.size() * events.size(), timesSent.size(),
					deliveredAfter, delivered.toMillis(), reopened.size(), redelivered.toMillis());
		}
	}

	/**
	 * Node B: the same application against the same services (the local services post-processor
	 * attaches it to the ones this JVM started for node A), on a port of its own, without demo data.
	 * It reuses the logging node A configured: initialising logging again would reset it under node A.
	 */
	private static ConfigurableApplicationContext startSecondNode() {
		String previous = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			return new SpringApplicationBuilder(ForumApplication.class).main(ForumApplication.class)
				.profiles("test")
				.properties("server.port=0", "forum.demo-data.enabled=false", "spring.main.banner-mode=off")
				.run();
		}
		finally {
			if (previous == null) {
				System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
			}
			else {
				System.setProperty(LoggingSystem.SYSTEM_PROPERTY, previous);
			}
		}
	}

	/** Requests a few at a time, as several clients would send them. */
	private static <T> List<T> inParallel(int count, IntFunction<T> task) throws Exception {
		return Concurrently.run(count, Executors.newFixedThreadPool(8), task);
	}
}
