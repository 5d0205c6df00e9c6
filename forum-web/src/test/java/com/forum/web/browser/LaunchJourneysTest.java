package com.forum.web.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.forum.launch.Launches;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.ConcurrentIntegrationTest;
import com.forum.web.launch.LaunchCalls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static com.forum.web.browser.Journey.form;
import static com.forum.web.launch.LaunchCalls.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches in a real browser: a member in their window reserves, finds the code and cancels; a member
 * whose window is not open is told why, with a countdown and the slots left changing live; a member
 * late to a sold-out launch joins the waitlist; an employee creates a launch, pauses and resumes it,
 * watches the figures and redeems a code at the store's counter.
 */
@ConcurrentIntegrationTest
class LaunchJourneysTest extends JourneyTest {

	/** Reputation at which Lv3 starts (community.yml's ladder). */
	private static final long LV3 = 150;

	/** Reputation at which Lv7 starts. */
	private static final long LV7 = 4000;

	@Autowired
	Launches launches;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberInTheirWindowReservesSeesTheCodeAndCancels(String language) {
		String product = say(language, "Xiaomi 17 ", "小米 17 ") + marker();
		long launch = onSale(product, 5, null);
		Member fan = member("booker");

		Journey j = journey("launch-reserve", language).signIn(fan.username(), fan.password());
		j.click(".main-nav a[href='/launches']");
		j.axe("launches").screenshot("launches");
		j.click("#launch-" + launch + " a[href='/launches/" + launch + "']");
		assertThat(j.text("h1 span")).isEqualTo(product);
		assertThat(j.text("#eligibility")).isEqualTo(j.message("launches.eligibility.OPEN"));
		assertThat(j.text("#slots-left")).isEqualTo("5");
		j.axe("launch").screenshot("window-open");

		j.submit(form("/launches/" + launch + "/reservation"));
		String code = j.text("#my-standing .reservation-code");
		assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.reserved", product, code));
		assertThat(j.text("#eligibility")).isEqualTo(j.message("launches.eligibility.RESERVED"));
		assertThat(j.text("#slots-left")).isEqualTo("4");
		j.axe("reserved").screenshot("reserved");

		j.click("#my-standing a[href='/members/me/reservations']");
		assertThat(texts(j.all(".reservation .reservation-code"))).contains(code);
		j.axe("my reservations").screenshot("my-reservations");
		j.click(".account-nav a.account-name");
		assertThat(j.has("#my-reservations")).as("the profile links the member's own codes").isTrue();

		j.open("/launches/" + launch).submit(form("/launches/" + launch + "/reservation/cancel"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.cancelled"));
		assertThat(j.text("#eligibility")).isEqualTo(j.message("launches.eligibility.OPEN"));
		j.click(".main-nav a[href='/members/me/reservations']");
		assertThat(j.text("#reservation-" + reservationId(code) + " .badge"))
			.isEqualTo(j.message("launches.reservation.state.CANCELLED"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aLowLevelMemberSeesWhyNotYetWithACountdownAndTheSlotsLeftChangingLive(String language) {
		long launch = create(say(language, "Xiaomi Band ", "小米手环 ") + marker(), 5,
				Instant.now().plus(Duration.ofHours(3)), List.of(window(7, "PT2H"), window(3, "PT1H")), null);
		// time passes: the Lv7 window opened half an hour ago, the Lv3 one opens in half an hour
		openingIn(launch, Duration.ofMinutes(90));
		Member lv3 = reputed(member("patient"), LV3);
		Member lv7 = reputed(member("devoted"), LV7);

		Journey j = journey("launch-not-yet", language).signIn(lv3.username(), lv3.password());
		j.open("/launches/" + launch);
		assertThat(j.text("#eligibility")).isEqualTo(j.message("launches.eligibility.NOT_YET"));
		assertThat(j.text("#my-window")).startsWith(j.message("launches.standing.level", 3));
		assertThat(j.has(form("/launches/" + launch + "/reservation"))).as("no Reserve button yet").isFalse();
		String countdown = j.text("#window-countdown .countdown");
		assertThat(countdown).matches(".*\\d{2}:\\d{2}:\\d{2}");
		j.until("the countdown ticks", d -> !j.text("#window-countdown .countdown").equals(countdown));
		j.axe("launch not yet").screenshot("not-yet");

		Response early = api.post("/api/v1/launches/" + launch + "/reservations", Map.of(), lv7.token());
		assertThat(early.status()).as(early.body()).isEqualTo(201);
		j.until("the slots left follow without a reload", d -> "4".equals(j.text("#slots-left")));

		j.submit(form("/launches/" + launch + "/watch"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.watching"));
		assertThat(j.has(form("/launches/" + launch + "/unwatch"))).isTrue();
		j.axe("watching").screenshot("watching");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberLateToASoldOutLaunchJoinsTheWaitlist(String language) {
		long launch = onSale(say(language, "Redmi Watch ", "红米手表 ") + marker(), 1, null);
		Member first = member("first");
		assertThat(api.post("/api/v1/launches/" + launch + "/reservations", Map.of(), first.token()).status())
			.isEqualTo(201);
		Member late = member("late");

		Journey j = journey("launch-waitlist", language).signIn(late.username(), late.password());
		j.open("/launches/" + launch);
		assertThat(j.text("#eligibility")).isEqualTo(j.message("launches.eligibility.SOLD_OUT"));
		assertThat(j.text("#slots-left")).isEqualTo("0");
		j.axe("sold out").screenshot("sold-out");
		j.submit(form("/launches/" + launch + "/waitlist"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.waitlisted", 1));
		assertThat(j.text("#waitlist-position")).isEqualTo(j.message("launches.waitlist.position", 1));
		j.axe("waitlisted").screenshot("waitlisted");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void anEmployeeCreatesALaunchPausesAndResumesItWatchesTheFiguresAndRedeemsACode(String language) {
		Member employee = staff("launcher", "EMPLOYEE");
		String product = say(language, "Xiaomi Pad ", "小米平板 ") + marker();

		Journey j = journey("launch-staff", language).signIn(employee.username(), employee.password());
		j.click(".main-nav a[href='/launches']").click(".page-head a[href='/launches/new']");
		j.axe("new launch");
		// the opening is filled in with tomorrow; a window without its hours comes back with the mistake
		j.type("#product", product).type("#slots", "100").type("[id='windows0.minLevel']", "7");
		j.submit(form("/launches"));
		assertThat(j.path()).as("the form comes back").isEqualTo("/launches");
		assertThat(j.text("#errors li")).isEqualTo(j.message("launches.form.window.incomplete"));
		assertThat(j.find("#product").getDomProperty("value")).isEqualTo(product);
		j.axe("launch form with mistakes").screenshot("form-mistakes");
		j.type("[id='windows0.hoursBefore']", "12").type("#pointsPrice", "50");
		j.submit(form("/launches"));
		long launch = Long.parseLong(j.path().replace("/launches/", ""));
		assertThat(j.text("h1 span")).isEqualTo(product);
		assertThat(j.text(".launch-phase")).isEqualTo(j.message("launches.phase.scheduled"));
		j.axe("staff launch").screenshot("created");

		j.submit(form("/launches/" + launch + "/pause"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.paused"));
		assertThat(j.text(".launch-phase")).isEqualTo(j.message("launches.phase.paused"));
		j.submit(form("/launches/" + launch + "/resume"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("launches.notice.resumed"));

		String sellingProduct = say(language, "Redmi Buds ", "红米耳机 ") + marker();
		long selling = onSale(sellingProduct, 3, null);
		Member buyer = member("buyer");
		String code = api.post("/api/v1/launches/" + selling + "/reservations", Map.of(), buyer.token()).json()
			.get("code").asString();
		j.open("/launches/" + selling).click("#staff-actions a[href='/launches/" + selling + "/figures']");
		assertThat(j.text("#figure-taken")).isEqualTo("1 / 3");
		assertThat(j.text("#figure-pending")).isEqualTo("1");
		assertThat(j.text("#outcome-ADMITTED td.num")).isEqualTo("1");
		j.axe("figures").screenshot("figures");

		j.open("/launches").click(".page-head a[href='/store/redeem']");
		j.axe("redeem");
		j.type("#code", code.toLowerCase().replace("-", " ")).submit(form("/store/redeem"));
		assertThat(j.text(".alert-success"))
			.isEqualTo(j.message("store.notice.redeemed", code, sellingProduct, buyer.username()));
		j.type("#code", code).submit(form("/store/redeem"));
		String used = j.message("problem.rule.reservation-code-used", "§");
		assertThat(j.text("#errors")).contains(used.substring(0, used.indexOf("§")));
		j.axe("redeem refused").screenshot("redeem-used");
	}

	// ------------------------------------------------------------------ launches through the API

	private long create(String product, int slots, Instant opensAt, List<Map<String, Object>> windows, Integer price) {
		Response created = api.post("/api/v1/launches", LaunchCalls.body(product, slots, opensAt, windows, price),
				api.token("employee", "employee-demo-2026"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A launch whose general opening has passed, as time passing would make it, with its admission keys rewritten. */
	private long onSale(String product, int slots, Integer price) {
		long launch = create(product, slots, Instant.now().plus(Duration.ofDays(1)), List.of(), price);
		openingIn(launch, Duration.ofMinutes(-1));
		return launch;
	}

	/** Moves the general opening to {@code fromNow} from now, as time passing would, and rewrites the admission keys. */
	private void openingIn(long launch, Duration fromNow) {
		db.update("update launch set opens_at = ? where id = ?", Timestamp.from(Instant.now().plus(fromNow)), launch);
		assertThat(launches.rebuild(launch)).isTrue();
	}

	private long reservationId(String code) {
		return db.queryForObject("select id from launch_reservation where code = ?", Long.class, code);
	}

	private static String say(String language, String english, String chinese) {
		return language.startsWith("zh") ? chinese : english;
	}
}
