package com.forum.web.launch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.forum.launch.Launches;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.forum.web.Browser.enc;
import static com.forum.web.launch.LaunchCalls.body;
import static com.forum.web.launch.LaunchCalls.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch pages as a browser without JavaScript uses them: who may open which page, the forms
 * that reserve, cancel, wait and watch with their refusals on the page (409 sold out, 403 the window
 * not open naming it, 503 with Retry-After while admission is rebuilt), the staff forms refusing bad
 * input with nothing written, and the store's redemption of codes.
 */
@IntegrationTest
class LaunchPagesIntegrationTest {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	Launches launches;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	StringRedisTemplate redis;

	LaunchCalls calls;

	@BeforeEach
	void setUp() {
		calls = new LaunchCalls(new ApiClient(port), db, ledger, launches);
	}

	@Test
	void visitorsReadLaunchesMembersReserveAndOnlyEmployeesRunThem() {
		long launch = calls.create(4, null);
		Browser visitor = new Browser(port);
		Browser member = signedIn("fan", "MEMBER");
		Browser employee = new Browser(port).signIn("employee", "employee-demo-2026");

		assertThat(visitor.get("/launches").body()).contains("href=\"/launches/" + launch + "\"");
		assertThat(visitor.get("/launches/" + launch).body()).contains("Sign in to book", "id=\"slots-left\"");
		assertThat(visitor.get("/launches/987654321").statusCode()).isEqualTo(404);
		assertThat(visitor.get("/launches/abc").statusCode()).isEqualTo(400);
		String csrf = visitor.csrf();
		for (String page : List.of("/launches/new", "/launches/" + launch + "/edit", "/launches/" + launch + "/figures",
				"/store/redeem", "/members/me/reservations")) {
			assertThat(redirect(visitor.get(page))).as("anonymous %s", page).endsWith("/login");
		}
		for (String write : List.of("/launches", "/launches/" + launch, "/launches/" + launch + "/pause",
				"/launches/" + launch + "/reservation", "/launches/" + launch + "/waitlist", "/launches/" + launch + "/watch",
				"/store/redeem")) {
			assertThat(redirect(visitor.post(write, "_csrf=" + enc(csrf)))).as("anonymous %s", write).endsWith("/login");
		}

		for (String page : List.of("/launches/new", "/launches/" + launch + "/edit", "/launches/" + launch + "/figures",
				"/store/redeem")) {
			assertThat(member.get(page).statusCode()).as("member %s", page).isEqualTo(403);
			assertThat(employee.get(page).statusCode()).as("employee %s", page).isEqualTo(200);
		}
		String memberCsrf = member.csrf();
		for (String write : List.of("/launches", "/launches/" + launch, "/launches/" + launch + "/pause",
				"/launches/" + launch + "/close", "/store/redeem")) {
			assertThat(member.post(write, "product=Mine&slots=1&code=AAAA&_csrf=" + enc(memberCsrf)).statusCode())
				.as("member %s", write).isEqualTo(403);
		}
		assertThat(state(launch)).isEqualTo("OPEN");
		assertThat(member.get("/members/me/reservations").statusCode()).isEqualTo(200);
		assertThat(member.get("/launches/" + launch).body()).doesNotContain("/launches/" + launch + "/pause");
		assertThat(employee.get("/launches/" + launch).body()).contains("action=\"/launches/" + launch + "/pause\"",
				"href=\"/launches/" + launch + "/figures\"");
	}

	@Test
	void aMemberReservesSeesTheCodeCancelsAndIsToldWhySoldOutOrTooEarlyOnThePage() {
		long launch = calls.onSale(1, null);
		SeededMember fan = SeededMember.signable(db, passwords, "reserver", "MEMBER");
		Browser browser = new Browser(port).signIn(fan.username(), SeededMember.PASSWORD);
		String csrf = "_csrf=" + enc(browser.csrf());

		assertThat(browser.get("/launches/" + launch).body()).contains("Your window is open",
				"action=\"/launches/" + launch + "/reservation\"");
		HttpResponse<String> reserved = browser.post("/launches/" + launch + "/reservation", csrf);
		assertThat(redirect(reserved)).endsWith("/launches/" + launch);
		String code = db.queryForObject("select code from launch_reservation where launch_id = ? and member_id = ?",
				String.class, launch, fan.id());
		assertThat(browser.get("/launches/" + launch).body()).contains("Reserved: ", code,
				"action=\"/launches/" + launch + "/reservation/cancel\"");
		assertThat(browser.get("/members/me/reservations").body()).contains(code);
		HttpResponse<String> again = browser.post("/launches/" + launch + "/reservation", csrf);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("You already hold a slot of this launch");

		SeededMember other = SeededMember.signable(db, passwords, "late", "MEMBER");
		Browser late = new Browser(port).speaking("zh-CN,zh;q=0.9").signIn(other.username(), SeededMember.PASSWORD);
		String lateCsrf = "_csrf=" + enc(late.csrf());
		assertThat(late.get("/launches/" + launch).body()).contains("名额已约满", "加入候补");
		HttpResponse<String> soldOut = late.post("/launches/" + launch + "/reservation", lateCsrf);
		assertThat(soldOut.statusCode()).isEqualTo(409);
		assertThat(soldOut.body()).contains("加入候补");
		assertThat(redirect(late.post("/launches/" + launch + "/waitlist", lateCsrf))).endsWith("/launches/" + launch);
		assertThat(late.get("/launches/" + launch).body()).contains("你在候补名单中排第 1 位");

		assertThat(redirect(browser.post("/launches/" + launch + "/reservation/cancel", csrf)))
			.endsWith("/launches/" + launch);
		assertThat(late.get("/members/me/reservations").body()).as("promoted from the waitlist").contains("候补转正");
		assertThat(browser.get("/members/me/reservations").body()).contains(code, "Cancelled");

		long early = calls.create(body("Early phone", 5, Instant.now().plus(Duration.ofHours(3)),
				List.of(window(7, "PT2H")), null));
		HttpResponse<String> tooEarly = browser.post("/launches/" + early + "/reservation", csrf);
		assertThat(tooEarly.statusCode()).isEqualTo(403);
		assertThat(tooEarly.body()).contains("Not yet: your level is Lv1", "you book from the general opening at");
		assertThat(redirect(browser.post("/launches/" + early + "/watch", csrf))).endsWith("/launches/" + early);
		assertThat(browser.get("/launches/" + early).body()).contains("action=\"/launches/" + early + "/unwatch\"",
				"role=\"timer\"");
	}

	@Test
	void whileAdmissionIsRebuiltTheReserveFormSaysToTryAgainInAMomentWith503() {
		long launch = calls.onSale(3, null);
		SeededMember fan = SeededMember.signable(db, passwords, "hurried", "MEMBER");
		Browser browser = new Browser(port).signIn(fan.username(), SeededMember.PASSWORD);
		String csrf = "_csrf=" + enc(browser.csrf());
		redis.delete(List.of("launch:{" + launch + "}:meta", "launch:{" + launch + "}:stock",
				"launch:{" + launch + "}:holders"));

		HttpResponse<String> meanwhile = browser.post("/launches/" + launch + "/reservation", csrf);

		assertThat(meanwhile.statusCode()).isEqualTo(503);
		assertThat(meanwhile.headers().firstValue("Retry-After")).isPresent();
		assertThat(meanwhile.body()).contains("Try again in a moment");
		assertThat(db.queryForObject("select count(*) from launch_reservation where launch_id = ?", Integer.class,
				launch)).isZero();
	}

	@Test
	void employeesCreateEditPauseAndResumeAndBadInputComesBackOnTheFormWithNothingWritten() {
		Browser employee = new Browser(port).signIn("employee", "employee-demo-2026");
		String csrf = "&_csrf=" + enc(employee.csrf());
		String opening = INPUT.format(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3));
		int before = launchCount();

		assertThat(employee.get("/launches/new").body()).contains("id=\"draft\"", "for=\"draft\"",
				"id=\"windows0.minLevel\"");
		HttpResponse<String> blank = employee.post("/launches", "product=&slots=abc&opensAt=" + opening + csrf);
		HttpResponse<String> past = employee.post("/launches", "product=Past&slots=5&opensAt=2020-01-01T10:00" + csrf);
		HttpResponse<String> incomplete = employee.post("/launches",
				"product=Half&slots=5&opensAt=" + opening + "&windows[0].minLevel=5" + csrf);
		HttpResponse<String> zero = employee.post("/launches", "product=None&slots=0&opensAt=" + opening + csrf);

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("Please name the product.", "The slots must be a whole number.");
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(past.body()).contains("The opening time must be in the future");
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(incomplete.body()).contains("Each window needs both a level and hours.");
		assertThat(zero.statusCode()).isEqualTo(400);
		assertThat(zero.body()).contains("The slots must be 1 to");
		assertThat(launchCount()).as("nothing written").isEqualTo(before);

		String product = "Xiaomi Pad " + java.util.UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> created = employee.post("/launches", "product=" + enc(product) + "&slots=50&opensAt="
				+ opening + "&windows[0].minLevel=7&windows[0].hoursBefore=48&windows[1].minLevel=4"
				+ "&windows[1].hoursBefore=24&pointsPrice=100&validity=24" + csrf);
		assertThat(created.statusCode()).isEqualTo(302);
		long launch = Long.parseLong(redirect(created).replaceAll(".*/launches/", ""));
		assertThat(db.queryForObject("select count(*) from launch_window where launch_id = ?", Integer.class, launch))
			.isEqualTo(2);
		assertThat(employee.get("/launches/" + launch + "/edit").body()).contains("value=\"" + product + "\"",
				"value=\"48\"", "value=\"24\"");
		HttpResponse<String> edited = employee.post("/launches/" + launch, "product=" + enc(product) + "&slots=60&opensAt="
				+ opening + "&windows[0].minLevel=7&windows[0].hoursBefore=48" + csrf);
		assertThat(redirect(edited)).endsWith("/launches/" + launch);
		assertThat(db.queryForObject("select slots from launch where id = ?", Integer.class, launch)).isEqualTo(60);
		HttpResponse<String> badEdit = employee.post("/launches/" + launch, "product=" + enc(product)
				+ "&slots=-1&opensAt=" + opening + csrf);
		assertThat(badEdit.statusCode()).isEqualTo(400);
		assertThat(db.queryForObject("select slots from launch where id = ?", Integer.class, launch)).isEqualTo(60);

		assertThat(redirect(employee.post("/launches/" + launch + "/pause", csrf.substring(1)))).endsWith("/launches/" + launch);
		assertThat(state(launch)).isEqualTo("PAUSED");
		assertThat(employee.get("/launches/" + launch).body()).contains("Reservations paused.",
				"action=\"/launches/" + launch + "/resume\"");
		assertThat(employee.post("/launches/" + launch + "/pause", csrf.substring(1)).statusCode()).isEqualTo(409);
		assertThat(redirect(employee.post("/launches/" + launch + "/resume", csrf.substring(1)))).endsWith("/launches/" + launch);
		assertThat(state(launch)).isEqualTo("OPEN");
		assertThat(employee.get("/launches/" + launch + "/figures").body()).contains("id=\"figure-taken\"");

		HttpResponse<String> drafted = employee.post("/launches", "product=" + enc(product + " draft") + "&slots=5&opensAt="
				+ opening + "&draft=true" + csrf);
		long draft = Long.parseLong(redirect(drafted).replaceAll(".*/launches/", ""));
		assertThat(state(draft)).isEqualTo("DRAFT");
		assertThat(new Browser(port).get("/launches/" + draft).statusCode()).as("hidden from members").isEqualTo(404);
		assertThat(redirect(employee.post("/launches/" + draft + "/open", csrf.substring(1)))).endsWith("/launches/" + draft);
		assertThat(state(draft)).isEqualTo("OPEN");
		assertThat(new Browser(port).get("/launches/" + draft).statusCode()).isEqualTo(200);
	}

	@Test
	void theStoreRedeemsACodeOnceAndSaysSoForUsedVoidAndUnknownCodes() {
		long launch = calls.onSale(3, null);
		SeededMember buyer = calls.member("buyer", 1);
		String code = calls.reserve(launch, buyer).json().get("code").asString();
		SeededMember quitter = calls.member("quitter", 1);
		String voidCode = calls.reserve(launch, quitter).json().get("code").asString();
		calls.cancel(launch, quitter);
		Browser store = new Browser(port).signIn("employee", "employee-demo-2026");
		String csrf = "&_csrf=" + enc(store.csrf());

		HttpResponse<String> redeemed = store.post("/store/redeem", "code=" + enc(code.toLowerCase().replace("-", "")) + csrf);
		assertThat(redirect(redeemed)).endsWith("/store/redeem");
		assertThat(store.get("/store/redeem").body()).contains("Confirmed: code " + code, buyer.username());
		HttpResponse<String> twice = store.post("/store/redeem", "code=" + enc(code) + csrf);
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("This code was redeemed already");
		HttpResponse<String> voided = store.post("/store/redeem", "code=" + enc(voidCode) + csrf);
		assertThat(voided.statusCode()).isEqualTo(409);
		assertThat(voided.body()).contains("its code is void");
		HttpResponse<String> unknown = store.post("/store/redeem", "code=ZZZZ-ZZZZ-ZZZZ-ZZZZ" + csrf);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("There is no reservation code ZZZZ-ZZZZ-ZZZZ-ZZZZ.");
		HttpResponse<String> blank = store.post("/store/redeem", "code=" + csrf);
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("Please type the code.");
	}

	private Browser signedIn(String prefix, String role) {
		SeededMember member = SeededMember.signable(db, passwords, prefix, role);
		return new Browser(port).signIn(member.username(), SeededMember.PASSWORD);
	}

	private String state(long launch) {
		return db.queryForObject("select state from launch where id = ?", String.class, launch);
	}

	private int launchCount() {
		return db.queryForObject("select count(*) from launch", Integer.class);
	}

	private static String redirect(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}
}
