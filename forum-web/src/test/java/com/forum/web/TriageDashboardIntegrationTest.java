package com.forum.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardKind;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class TriageDashboardIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	BoardCatalog boards;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void serviceLevelFiguresAreComputedOnAKnownSet() {
		ApiClient api = new ApiClient(port);
		String employee = api.token("employee", "employee-demo-2026");
		long board = boards.create("sla-" + UUID.randomUUID().toString().substring(0, 8), "SLA probe", "test",
				BoardKind.DISCUSSION).value();
		Member author = api.newMember("sla");
		// days ago submitted, days until the first official response (null: none yet), status reached
		long inTime = petition(api, author, board, "In time answer", 10, 2, "planned", employee);
		long late = petition(api, author, board, "Late answer", 9, 8, "declined", employee);
		long overdue = petition(api, author, board, "Still waiting", 8, null, null, employee);
		long fresh = petition(api, author, board, "Fresh petition", 1, null, null, employee);
		long quick = petition(api, author, board, "Quick answer", 3, 1, "under_review", employee);

		JsonNode dashboard = api.get("/api/v1/triage/dashboard?boardId=" + board, employee).json();

		assertThat(dashboard.get("petitions").asLong()).isEqualTo(5);
		assertThat(dashboard.get("due").asLong()).isEqualTo(4);
		assertThat(dashboard.get("answeredInTime").asLong()).isEqualTo(2);
		assertThat(dashboard.get("shareAnsweredInTime").asDouble()).isEqualTo(0.5);
		assertThat(dashboard.get("medianFirstResponseSeconds").asLong()).isCloseTo(2 * 86_400, within(60L));
		assertThat(dashboard.get("overdue").asLong()).isEqualTo(1);
		JsonNode funnel = dashboard.get("funnel");
		assertThat(funnel.get("submitted").asLong()).isEqualTo(5);
		assertThat(funnel.get("under_review").asLong()).isEqualTo(2);
		assertThat(funnel.get("planned").asLong()).isEqualTo(1);
		assertThat(funnel.get("in_progress").asLong()).isZero();
		assertThat(funnel.get("shipped").asLong()).isZero();
		assertThat(dashboard.get("acceptanceRate").asDouble()).isEqualTo(0.5);

		JsonNode queue = api.get("/api/v1/triage/petitions?boardId=" + board + "&overdue=true", employee).json();
		assertThat(queue.get("totalItems").asLong()).isEqualTo(1);
		assertThat(queue.get("items").get(0).get("petition").get("id").asLong()).isEqualTo(overdue);
		assertThat(queue.get("items").get(0).get("overdue").asBoolean()).isTrue();
		JsonNode oldFirst = api.get("/api/v1/triage/petitions?boardId=" + board + "&sort=oldest", employee).json();
		assertThat(oldFirst.get("items").get(0).get("petition").get("id").asLong()).isEqualTo(inTime);
		assertThat(List.of(late, fresh, quick)).doesNotContain(overdue);

		api.put("/api/v1/petitions/" + fresh + "/assignee", Map.of("team", "lock-screen"), employee);
		JsonNode byTeam = api.get("/api/v1/triage/petitions?boardId=" + board + "&team=lock-screen", employee).json();
		assertThat(byTeam.get("totalItems").asLong()).isEqualTo(1);
		assertThat(byTeam.get("items").get(0).get("assigneeTeam").asString()).isEqualTo("lock-screen");
	}

	private long petition(ApiClient api, Member author, long board, String title, int daysAgo, Integer answeredAfter,
			String status, String employee) {
		long id = api.post("/api/v1/petitions", Map.of("boardId", board, "title", title, "description", title),
				author.token()).json().get("id").asLong();
		if (status != null) {
			api.post("/api/v1/petitions/" + id + "/status", Map.of("status", status, "response", "answer"), employee);
		}
		jdbc.update("""
				update petition set created_at = now() - make_interval(days => ?),
				       first_response_at = case when ? then now() - make_interval(days => ?) + make_interval(days => ?) end
				where id = ?""", daysAgo, answeredAfter != null, daysAgo, answeredAfter == null ? 0 : answeredAfter, id);
		return id;
	}
}
