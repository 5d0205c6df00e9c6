package com.forum.web;

import java.net.http.HttpResponse;

import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** HEAD is GET without the body: allowed wherever GET is, refused wherever GET is. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestIntegrationTest {

	@LocalServerPort
	int port;

	ApiClient api;

	long thread;

	long petition;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		thread = api.get("/api/v1/threads?size=1", null).json().get("items").get(0).get("id").asLong();
		petition = api.get("/api/v1/petitions?size=1", null).json().get("items").get(0).get("id").asLong();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/", "/boards/hyperos", "/threads/THREAD", "/threads/THREAD/history", "/search?q=phone",
			"/members/mifan", "/petitions", "/petitions/PETITION", "/roadmap", "/releases", "/privileges", "/leaderboards",
			"/leaderboards?kind=points&period=month", "/badges", "/login", "/register", "/css/forum.css" })
	void aPublicPageAnswersHeadAsItAnswersGet(String address) {
		String path = address.replace("THREAD", Long.toString(thread)).replace("PETITION", Long.toString(petition));
		Browser visitor = new Browser(port);

		HttpResponse<String> get = visitor.get(path);
		HttpResponse<String> head = visitor.head(path);

		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/boards", "/api/v1/threads", "/api/v1/threads/THREAD", "/api/v1/petitions",
			"/api/v1/search?q=phone", "/api/v1/roadmap", "/api/v1/leaderboards?kind=points&period=all-time",
			"/api/v1/badges", "/api/v1/members/mifan/badges" })
	void aPublicApiCallAnswersHeadAsItAnswersGet(String address) {
		String path = address.replace("THREAD", Long.toString(thread));

		Response head = api.head(path, null);

		assertThat(head.status()).isEqualTo(api.get(path, null).status()).isEqualTo(200);
		assertThat(head.contentType()).startsWith("application/json");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void membersOnlyAddressesRefuseHeadAsTheyRefuseGet() {
		Browser visitor = new Browser(port);
		String notes = "/api/v1/petitions/" + petition + "/notes";

		assertThat(visitor.head("/notifications").statusCode()).isEqualTo(visitor.get("/notifications").statusCode())
			.isEqualTo(302);
		assertThat(visitor.head("/petitions/new").statusCode()).isEqualTo(302);
		assertThat(api.head("/api/v1/notifications", null).status()).isEqualTo(401);
		assertThat(api.head(notes, null).status()).isEqualTo(api.get(notes, null).status()).isEqualTo(401);
		assertThat(api.head("/api/v1/triage/petitions", api.newMember("nosy").token()).status()).isEqualTo(403);
	}
}
