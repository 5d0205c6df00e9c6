package com.forum.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.forum.web.Browser.csrf;
import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petition pages as people use them: members suggest and vote through the forms, an employee
 * decides on the petition's page, members read the official history and their notifications, and
 * internal notes and the triage panel never reach members.
 */
@IntegrationTest
class PetitionPagesIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aSuggestionIsSubmittedVotedTriagedAndAnsweredThroughThePages() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 6);
		String title = "Schedule dark mode from sunset " + marker;
		String secret = "Internal: camera team says Q3, do not promise " + marker;

		Browser author = new Browser(port).signIn(new ApiClient(port).newMember("suggester"));
		Browser fan = new Browser(port).signIn(new ApiClient(port).newMember("backer"));
		Browser employee = new Browser(port).signIn("employee", "employee-demo-2026");
		Browser anonymous = new Browser(port);

		// the form: a bad tag is refused next to the field, "check for similar" only re-renders
		String form = author.get("/petitions/new").body();
		assertThat(form).contains("Suggest something", "Check for similar petitions")
			.containsPattern("/js/similar-[0-9a-f]{32}\\.js");
		HttpResponse<String> checked = author.post("/petitions",
				"check=1&boardId=&title=" + enc(title) + "&description=&_csrf=" + enc(csrf(form)));
		assertThat(checked.statusCode()).isEqualTo(200);
		assertThat(checked.body()).contains("id=\"similar\"").doesNotContain("field-error");
		HttpResponse<String> badTag = author.post("/petitions", petitionForm(form, title, "dark mode!, display"));
		assertThat(badTag.statusCode()).isEqualTo(200);
		assertThat(badTag.body()).contains("Each tag is 1 to 30 letters, digits or dashes.", title);

		HttpResponse<String> submitted = author.post("/petitions", petitionForm(form, title, "display, dark-mode"));
		assertThat(submitted.statusCode()).isEqualTo(302);
		String path = URI.create(submitted.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(path).matches("/petitions/\\d+");
		String page = author.get(path).body();
		assertThat(page).contains(title, "<strong>sunset</strong>", "#display", "You back this petition",
				"Xiaomi 17", "OS2.0.208", "Thanks! Your petition is up");
		assertThat(page).doesNotContain("<script>alert");

		// a fan backs it with the button, naming the device
		String fanPage = fan.get(path).body();
		assertThat(fanPage).contains("Affects my device:");
		HttpResponse<String> voted = fan.post(path + "/vote", "deviceModel=" + enc("Redmi Note 15") + "&_csrf="
				+ enc(csrf(fanPage)));
		assertThat(voted.statusCode()).isEqualTo(302);
		fanPage = fan.get(path).body();
		assertThat(fanPage).contains("Take my vote back", "Affects me too", "Redmi Note 15");
		assertThat(fanPage).containsPattern("<strong>2</strong>\\s*<span>votes</span>");

		// the employee sees the panel, adds an internal note, and decides with an official response
		String staffPage = employee.get(path).body();
		assertThat(staffPage).contains("Internal — members never see this", "Change status", "Under review");
		String token = csrf(staffPage);
		assertThat(employee.post(path + "/notes", "body=" + enc(secret) + "&_csrf=" + enc(token)).statusCode())
			.isEqualTo(302);
		HttpResponse<String> declineWithoutReason = employee.post(path + "/status",
				"status=DECLINED&response=&_csrf=" + enc(token));
		assertThat(declineWithoutReason.statusCode()).isEqualTo(200);
		assertThat(declineWithoutReason.body()).contains("Declining needs a reason.");
		String official = "Good idea - we are looking into it for the next builds " + marker;
		HttpResponse<String> changed = employee.post(path + "/status",
				"status=UNDER_REVIEW&response=" + enc(official) + "&_csrf=" + enc(token));
		assertThat(changed.statusCode()).isEqualTo(302);
		HttpResponse<String> notAllowed = employee.post(path + "/status", "status=SHIPPED&_csrf=" + enc(token));
		assertThat(notAllowed.statusCode()).isEqualTo(200);
		assertThat(notAllowed.body()).contains("cannot move from “Under review” to “Shipped”");
		assertThat(employee.get(path).body()).contains(secret);

		// members and visitors read the official history, never the note or the panel
		for (Browser reader : new Browser[] { author, fan, anonymous }) {
			String seen = reader.get(path).body();
			assertThat(seen).contains(official, "badge-official", ">Official<", "status-under-review");
			assertThat(seen).doesNotContain(secret, "Internal — members never see this", "Change status", "/notes\"",
					"note-body");
		}

		// the triage queue is for employees only
		assertThat(author.get("/triage").statusCode()).isEqualTo(403);
		assertThat(author.get("/triage/dashboard").statusCode()).isEqualTo(403);
		HttpResponse<String> queue = employee.get("/triage?status=any&sort=newest");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains(title, "Apply to ticked");
		assertThat(employee.get("/triage/dashboard").body()).contains("Funnel", "Acceptance rate");
		assertThat(employee.get("/").body()).contains(">Triage</a>");
		assertThat(author.get("/").body()).doesNotContain(">Triage</a>");

		// the author hears of it: in the header and on the notifications page
		Await.until(Duration.ofSeconds(20), () -> author.get("/notifications").body().contains("is now under review"));
		String inbox = author.get("/notifications").body();
		assertThat(inbox).contains(title, official, "is-unread", "notif-count");
		Matcher read = Pattern.compile("action=\"(/notifications/\\d+/read)\"").matcher(inbox);
		assertThat(read.find()).isTrue();
		HttpResponse<String> opened = author.post(read.group(1), "next=" + enc(path) + "&_csrf=" + enc(csrf(inbox)));
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(URI.create(opened.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo(path);
		HttpResponse<String> away = author.post(read.group(1), "next=" + enc("//evil.example/") + "&_csrf="
				+ enc(csrf(inbox)));
		assertThat(URI.create(away.headers().firstValue("Location").orElseThrow()).getPath())
			.isEqualTo("/notifications");

		// the public pages around it
		assertThat(anonymous.get("/petitions?status=under_review&sort=newest").body()).contains(title);
		assertThat(anonymous.get("/petitions?tag=dark-mode").body()).contains(title);
		assertThat(anonymous.get("/roadmap").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/releases").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/petitions/new").statusCode()).isEqualTo(302);
	}

	private String petitionForm(String formPage, String title, String tags) {
		Matcher board = Pattern.compile("<option value=\"(\\d+)\">HyperOS</option>").matcher(formPage);
		assertThat(board.find()).as("the HyperOS area in the select").isTrue();
		return "boardId=" + board.group(1) + "&title=" + enc(title) + "&description="
				+ enc("Follow the **sunset**, please. <script>alert('x')</script>")
				+ "&deviceModel=" + enc("Xiaomi 17") + "&firmwareVersion=" + enc("OS2.0.208") + "&tags=" + enc(tags)
				+ "&_csrf=" + enc(csrf(formPage));
	}
}
