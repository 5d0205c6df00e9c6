package com.forum.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.member.MemberProperties;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountsIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MemberProperties members;

	@Test
	void registeringStoresAnArgon2HashAndTheTokenOpensTheApi() {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("newbie");

		String hash = jdbc.queryForObject("select password_hash from member where username = ?", String.class,
				member.username());
		MemberProperties.PasswordHashing cost = members.passwordHashing();
		assertThat(hash).startsWith("$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=1$")
			.doesNotContain(member.password());

		Response me = api.post("/api/v1/threads", Map.of("boardId", 1, "title", "My first thread", "body", "hello"),
				member.token());
		assertThat(me.status()).isEqualTo(201);
		assertThat(me.json().get("author").get("username").asString()).isEqualTo(member.username());
	}

	@Test
	void takenNamesAreRefusedWhateverTheirCase() {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("taken");

		Response again = api.post("/api/v1/members", Map.of("username", member.username().toUpperCase(), "email",
				"other-" + UUID.randomUUID() + "@test.example", "password", "long-enough-pw"), null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/rules/username-taken");
	}

	@Test
	void namesTheAddressesUseForOtherThingsAreReservedInAnyCaseOrWidth() {
		ApiClient api = new ApiClient(port);
		for (String name : new String[] { "self", "Suggestions", "ＳＹＳＴＥＭ" }) {
			Response refused = api.post("/api/v1/members", Map.of("username", name, "email",
					"reserved-" + UUID.randomUUID() + "@test.example", "password", "long-enough-pw"), null);

			assertThat(refused.status()).as(name).isEqualTo(409);
			assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/username-reserved");
		}
		assertThat(jdbc.queryForObject("select count(*) from member where email like 'reserved-%'", Long.class))
			.isZero();

		Browser chinese = new Browser(port).speaking("zh-CN");
		HttpResponse<String> form = chinese.post("/register", "username=suggestions&email="
				+ Browser.enc("reserved-" + UUID.randomUUID() + "@test.example")
				+ "&password=a-long-enough-password-9&confirmPassword=a-long-enough-password-9&_csrf="
				+ Browser.enc(chinese.csrf()));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("用户名“suggestions”为论坛保留");
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("guarded");

		Response wrongPassword = api.post("/api/v1/auth/tokens",
				Map.of("username", member.username(), "password", "not-the-password"), null);
		Response unknownUser = api.post("/api/v1/auth/tokens",
				Map.of("username", "nobody-" + UUID.randomUUID(), "password", "not-the-password"), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
		assertThat(wrongPassword.json().get("type").asString()).isEqualTo("/problems/invalid-credentials");
	}

	@Test
	void repeatedFailuresAreSlowedDown() {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("target");
		Map<String, String> wrong = Map.of("username", member.username(), "password", "guess-guess");

		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/v1/auth/tokens", wrong, null).status()).isEqualTo(401);
		}
		Response throttled = api.post("/api/v1/auth/tokens", wrong, null);
		Response evenWithTheRightPassword = api.post("/api/v1/auth/tokens",
				Map.of("username", member.username(), "password", member.password()), null);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.retryAfter()).isNotNull();
		assertThat(throttled.json().get("type").asString()).isEqualTo("/problems/too-many-login-attempts");
		assertThat(evenWithTheRightPassword.status()).isEqualTo(429);
	}

	@Test
	void unknownBearerTokensAndMissingOnesAreRefusedWithProblems() {
		ApiClient api = new ApiClient(port);

		Response forged = api.post("/api/v1/threads", Map.of("boardId", 1, "title", "Forged thread", "body", "b"),
				"fm_forged");
		Response anonymous = api.post("/api/v1/threads", Map.of("boardId", 1, "title", "Anon thread", "body", "b"),
				null);

		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.isProblem()).isTrue();
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("type").asString()).isEqualTo("/problems/unauthorized");
	}

	@Test
	void aRevokedTokenStopsWorking() {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("revoker");

		assertThat(api.delete("/api/v1/auth/tokens/current", member.token()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/boards", member.token()).status()).isEqualTo(401);
	}

	@Test
	void formLoginNeedsTheCsrfTokenAndThenOpensTheSession() throws Exception {
		ApiClient api = new ApiClient(port);
		Member member = api.newMember("browser");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> withoutToken = post(browser, "/login",
				"username=" + member.username() + "&password=" + member.password());
		assertThat(withoutToken.statusCode()).isEqualTo(403);

		String csrf = csrfFrom(get(browser, "/login").body());
		HttpResponse<String> wrong = post(browser, "/login",
				"username=" + member.username() + "&password=wrong-password&_csrf=" + enc(csrf));
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

		csrf = csrfFrom(get(browser, "/login").body());
		HttpResponse<String> right = post(browser, "/login",
				"username=" + member.username() + "&password=" + enc(member.password()) + "&_csrf=" + enc(csrf));
		assertThat(right.statusCode()).isEqualTo(302);
		assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		assertThat(get(browser, "/").body()).contains(member.username());
	}

	private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient client, String path, String form)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfFrom(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field on the login page").isTrue();
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
