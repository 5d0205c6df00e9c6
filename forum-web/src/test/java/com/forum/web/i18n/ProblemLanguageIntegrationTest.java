package com.forum.web.i18n;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals speak the reader's language on the API and on pages alike; their types never change. */
@IntegrationTest
class ProblemLanguageIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void apiProblemsHaveTitlesAndMessagesInTheAskedLanguage() throws Exception {
		Member member = new ApiClient(port).newMember("wenti");
		long board = new ApiClient(port).get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		String body = "{\"boardId\":" + board + ",\"title\":\"Hi\",\"body\":\"text\"}";

		JsonNode chinese = send("POST", "/api/v1/threads", body, member.token(), "zh-CN,zh;q=0.9");
		assertThat(chinese.get("type").asString()).isEqualTo("/problems/validation");
		assertThat(chinese.get("title").asString()).isEqualTo("请求中有字段不符合要求。");
		assertThat(chinese.get("errors").get(0).get("field").asString()).isEqualTo("title");
		// the request's own checks answer first, in the validator's Chinese
		assertThat(chinese.get("errors").get(0).get("message").asString()).contains("5", "150").containsPattern("\\p{IsHan}");

		JsonNode english = send("POST", "/api/v1/threads", body, member.token(), "en");
		assertThat(english.get("title").asString()).isEqualTo("Your request has invalid fields.");
		assertThat(english.get("errors").get(0).get("message").asString()).contains("5", "150").doesNotContainPattern("\\p{IsHan}");

		// and the domain's checks, behind them, answer in the same language
		String nowhere = "{\"boardId\":987654321,\"title\":\"A fine title\",\"body\":\"text\"}";
		JsonNode domain = send("POST", "/api/v1/threads", nowhere, member.token(), "zh-CN");
		assertThat(domain.get("errors").get(0).get("field").asString()).isEqualTo("boardId");
		assertThat(domain.get("errors").get(0).get("message").asString()).isEqualTo("不存在编号为 987654321 的版块");

		JsonNode anonymous = send("POST", "/api/v1/threads", body, null, "zh-CN");
		assertThat(anonymous.get("type").asString()).isEqualTo("/problems/unauthorized");
		assertThat(anonymous.get("title").asString()).isEqualTo("需要登录。");

		JsonNode missing = send("GET", "/api/v1/threads/987654321", null, null, "zh-CN");
		assertThat(missing.get("detail").asString()).isEqualTo("该帖子不存在，或已被删除。");

		JsonNode control = send("GET", "/api/v1/search?q=a%01b", null, null, "zh-CN");
		assertThat(control.get("errors").get(0).get("message").asString()).startsWith("不能包含控制字符");
	}

	@Test
	void errorPagesAndFormRefusalsAreInTheReadersLanguage() {
		Browser reader = new Browser(port).speaking("zh-CN");
		HttpResponse<String> missing = reader.get("/threads/987654321");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("该帖子不存在，或已被删除。", "回到首页").doesNotContain("does not exist");

		HttpResponse<String> unknown = reader.get("/boards/no-such-board");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("找不到这个页面", "找不到版块 no-such-board。");
	}

	private JsonNode send(String method, String path, String body, String token, String language) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json")
			.header("Accept-Language", language)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
		return JSON.readTree(response.body());
	}
}
