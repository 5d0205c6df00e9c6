package com.forum.web;

import java.util.Map;
import java.util.UUID;

import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** "Open" means one thing everywhere: the API filter, the petition list and the triage queue. */
@IntegrationTest
class OpenPetitionsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void openPetitionsAreTheSameOnTheApiTheListAndTheTriageQueue() {
		ApiClient api = new ApiClient(port);
		String employee = api.token("employee", "employee-demo-2026");
		Member author = api.newMember("opener");
		String tag = "open-" + UUID.randomUUID().toString().substring(0, 8);
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		String waiting = "Still waiting " + tag;
		String declined = "Already declined " + tag;
		api.post("/api/v1/petitions", Map.of("boardId", board, "title", waiting, "description", "x", "tags",
				new String[] { tag }), author.token());
		long no = api.post("/api/v1/petitions", Map.of("boardId", board, "title", declined, "description", "x",
				"tags", new String[] { tag }), author.token()).json().get("id").asLong();
		assertThat(api.post("/api/v1/petitions/" + no + "/status",
				Map.of("status", "declined", "response", "Not for now"), employee).status()).isEqualTo(200);

		String viaApi = api.get("/api/v1/petitions?status=open&tag=" + tag, null).body();
		String viaTriageApi = api.get("/api/v1/triage/petitions?status=open&tag=" + tag, employee).body();
		String viaList = new Browser(port).get("/petitions?status=open&tag=" + tag).body();
		String viaQueue = new Browser(port).signIn("employee", "employee-demo-2026").get("/triage?tag=" + tag).body();

		for (String shown : new String[] { viaApi, viaTriageApi, viaList, viaQueue }) {
			assertThat(shown).contains(waiting).doesNotContain(declined);
		}
	}
}
