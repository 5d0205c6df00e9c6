package com.forum.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages as a person uses them: a browser with a session cookie, forms with CSRF tokens. */
@IntegrationTest
class PagesIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HttpClient browser;

	@BeforeEach
	void setUp() {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void anonymousVisitorsReadBoardsAndThreadsButMustSignInToPost() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Xiaomi 17", "HyperOS", "Smart home", "Service and support");
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");

		// other tests start threads in the demo boards, so the demo question may be past the first page
		assertThat(get("/boards/support").body()).contains("Service and support", "href=\"/threads/");
		long question = jdbc.queryForObject("select min(id) from topic where title = ?", Long.class,
				"How do I move my data to a new phone?");
		assertThat(get("/threads/" + question).body()).contains("How do I move my data to a new phone?");
		HttpResponse<String> newThread = get("/boards/support/new");
		assertThat(newThread.statusCode()).isEqualTo(302);
		assertThat(newThread.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(get("/launches").statusCode()).isEqualTo(200);
		assertThat(get("/launches/new").headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(get("/members/me/reservations").headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void aMemberStartsAThreadAndRepliesThroughTheForms() throws Exception {
		Member member = new ApiClient(port).newMember("pageuser");
		signIn(member);

		String form = get("/boards/hyperos/new").body();
		HttpResponse<String> tooShort = post("/boards/hyperos/threads",
				"title=Hi&body=short+title&_csrf=" + enc(csrf(form)));
		assertThat(tooShort.statusCode()).isEqualTo(200);
		assertThat(tooShort.body()).contains("5 to 150 characters", "short title");

		HttpResponse<String> created = post("/boards/hyperos/threads",
				"title=" + enc("Dark mode schedule ideas") + "&body=" + enc("Follow **sunset**?") + "&_csrf="
						+ enc(csrf(form)));
		assertThat(created.statusCode()).isEqualTo(302);
		String threadPath = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		String thread = get(threadPath).body();
		assertThat(thread).contains("Dark mode schedule ideas", "<strong>sunset</strong>");

		HttpResponse<String> replied = post(threadPath + "/replies",
				"body=" + enc("Yes, and a manual override") + "&_csrf=" + enc(csrf(thread)));
		assertThat(replied.statusCode()).isEqualTo(302);
		assertThat(get(threadPath).body()).contains("Yes, and a manual override");
	}

	@Test
	void mistakesInTheAddressGetFriendlyPagesNotServerErrors() throws Exception {
		assertThat(get("/threads/abc").statusCode()).isEqualTo(400);
		assertThat(get("/threads/987654321").statusCode()).isEqualTo(404);
		assertThat(get("/boards/no-such-board").statusCode()).isEqualTo(404);
		assertThat(get("/members/nobody-here").statusCode()).isEqualTo(404);
		assertThat(get("/launches/abc").statusCode()).isEqualTo(400);
		assertThat(get("/launches/987654321").statusCode()).isEqualTo(404);
		signIn(new ApiClient(port).newMember("lost"));
		assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
		assertThat(get("/no/such/page").body()).doesNotContain("Exception");
	}

	@Test
	void adminsSeeEventDeliveriesAndResubmitThemWhileOthersAreTurnedAway() throws Exception {
		signIn(new Member("admin", "admin-demo-2026", null));
		HttpResponse<String> page = get("/admin/event-publications");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Event deliveries", "Failed (", "Abandoned (", "Pending (");
		assertThat(get("/admin/event-publications?state=abandoned").statusCode()).isEqualTo(200);
		HttpResponse<String> resubmitted = post("/admin/event-publications/resubmit",
				"_csrf=" + enc(csrf(page.body())));
		assertThat(resubmitted.statusCode()).isEqualTo(302);
		assertThat(get("/admin/event-publications").body()).contains("resubmitted");

		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		signIn(new ApiClient(port).newMember("notadmin"));
		assertThat(get("/admin/event-publications").statusCode()).isEqualTo(403);
	}

	private void signIn(Member member) throws Exception {
		String login = get("/login").body();
		HttpResponse<String> signedIn = post("/login", "username=" + enc(member.username()) + "&password="
				+ enc(member.password()) + "&_csrf=" + enc(csrf(login)));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
