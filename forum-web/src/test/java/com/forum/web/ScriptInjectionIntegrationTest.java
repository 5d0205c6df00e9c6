package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

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

	@Test
	void scriptInAPostNeverReachesThePageUnescaped() {
		ApiClient api = new ApiClient(port);
		Member attacker = api.newMember("attacker");
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
		String json = api.get("/api/v1/search?q=onerror", null).body();
		assertThat(json).doesNotContain("<img");
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
