package com.forum.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed deliveries are retried, kept with their error, abandoned at the bound and resubmitted by
 * admins, through the real registry and the retry job. A delivery that cannot succeed is made by
 * re-opening a real indexing publication for a thread that does not exist.
 */
@IntegrationTest
class EventDeliveriesIntegrationTest {

	private static final String ADMIN_LIST = "/api/v1/admin/event-publications";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String admin;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		admin = api.token("admin", "admin-demo-2026");
	}

	@Test
	void aFailingDeliveryIsRetriedShownWithItsErrorAbandonedAtTheBoundAndResubmittedByAnAdmin() {
		UUID id = impossibleIndexingPublication();

		JsonNode failed = Await.value(Duration.ofSeconds(30), () -> find(id, "failed"),
				found -> found != null && found.get("attempts").asInt() >= 1 && !found.get("lastError").isNull());
		assertThat(failed.get("listener").asString()).contains("PostIndexer.on(com.forum.discussion.TopicStarted)");
		assertThat(failed.get("eventType").asString()).isEqualTo("com.forum.discussion.TopicStarted");
		assertThat(failed.get("lastError").asString()).contains("NoSuchElementException");

		// as if it had failed as often as allowed: the retry job moves it out of the way
		jdbc.update("update event_publication set completion_attempts = 40 where id = ?", id);
		JsonNode abandoned = Await.value(Duration.ofSeconds(30), () -> find(id, "abandoned"),
				found -> found != null);
		assertThat(abandoned.get("lastError").asString()).contains("NoSuchElementException");
		assertThat(jdbc.queryForObject("select count(*) from event_publication where id = ?", Long.class, id))
			.isZero();

		Response resubmitted = api.post(ADMIN_LIST + "/" + id + "/resubmit", Map.of(), admin);
		assertThat(resubmitted.status()).isEqualTo(200);
		assertThat(find(id, "abandoned")).isNull();
		// back in the registry with its attempts counted afresh, and failing again for the same reason
		JsonNode retried = Await.value(Duration.ofSeconds(30), () -> find(id, "failed"),
				found -> found != null && found.get("attempts").asInt() >= 1 && !found.get("lastError").isNull());
		assertThat(retried.get("attempts").asInt()).isLessThan(40);

		jdbc.update("delete from event_publication where id = ?", id);
	}

	@Test
	void aFailedDeliveryThatCanNowSucceedIsCompletedByTheRetryJob() {
		Member author = api.newMember("retry");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		String word = "rt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long topic = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Retried " + word, "body", "body"),
				author.token())
			.json()
			.get("id")
			.asLong();
		UUID id = awaitArchived(topic);
		jdbc.update("""
				with reopened as (delete from event_publication_archive where id = ? returning *)
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				select id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 0 from reopened""",
				id);

		Await.until(Duration.ofSeconds(30), () -> jdbc.queryForObject(
				"select count(*) from event_publication_archive where id = ? and completion_attempts = 1", Long.class,
				id) == 1);
		assertThat(find(id, "failed")).isNull();
		// the index shows what it holds after its next refresh
		Await.until(Duration.ofSeconds(10),
				() -> api.get("/api/v1/search?q=" + word, null).json().get("totalItems").asLong() == 1);
	}

	@Test
	void onlyAdminsSeeOrResubmitDeliveriesAndAnUnknownStateIsAClearError() {
		Member member = api.newMember("nosy");
		String employee = api.token("employee", "employee-demo-2026");

		assertThat(api.get(ADMIN_LIST, null).status()).isEqualTo(401);
		assertThat(api.get(ADMIN_LIST, member.token()).status()).isEqualTo(403);
		assertThat(api.get(ADMIN_LIST, employee).status()).isEqualTo(403);
		assertThat(api.post(ADMIN_LIST + "/resubmit", Map.of(), employee).status()).isEqualTo(403);
		assertThat(api.get(ADMIN_LIST + "?state=pending", admin).status()).isEqualTo(200);

		Response wrong = api.get(ADMIN_LIST + "?state=lost", admin);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.isProblem()).isTrue();
		assertThat(wrong.body()).contains("state");

		Response unknown = api.post(ADMIN_LIST + "/" + UUID.randomUUID() + "/resubmit", Map.of(), admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(api.post(ADMIN_LIST + "/not-a-uuid/resubmit", Map.of(), admin).status()).isEqualTo(400);
	}

	/** A copy of a real indexing publication whose thread id does not exist: it can never succeed. */
	private UUID impossibleIndexingPublication() {
		Member author = api.newMember("ghost");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		long topic = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Template thread", "body", "body"),
				author.token())
			.json()
			.get("id")
			.asLong();
		UUID template = awaitArchived(topic);
		String event = jdbc.queryForObject("select serialized_event from event_publication_archive where id = ?",
				String.class, template);
		// written as Modulith writes it (compact JSON), so the failure can be matched to the publication
		String impossible = event.replace("\"topicId\":{\"value\":" + topic + "}",
				"\"topicId\":{\"value\":" + (9_000_000_000_000L + topic) + "}");
		assertThat(impossible).isNotEqualTo(event);
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				select ?, listener_id, event_type, ?, now(), 'FAILED', 0
				from event_publication_archive where id = ?""", id, impossible, template);
		return id;
	}

	private UUID awaitArchived(long topic) {
		String query = """
				select id from event_publication_archive
				where listener_id like '%PostIndexer.on(com.forum.discussion.TopicStarted)'
				  and (serialized_event::jsonb -> 'topicId' ->> 'value')::bigint = ?""";
		Await.until(Duration.ofSeconds(30),
				() -> !jdbc.queryForList(query, UUID.class, topic).isEmpty());
		return jdbc.queryForObject(query, UUID.class, topic);
	}

	private JsonNode find(UUID id, String state) {
		for (int page = 1;; page++) {
			JsonNode list = api.get(ADMIN_LIST + "?state=" + state + "&size=100&page=" + page, admin).json();
			for (JsonNode item : list.get("items")) {
				if (item.get("id").asString().equals(id.toString())) {
					return item;
				}
			}
			if (page >= list.get("totalPages").asInt()) {
				return null;
			}
		}
	}
}
