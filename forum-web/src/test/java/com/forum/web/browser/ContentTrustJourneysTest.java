package com.forum.web.browser;

import java.util.Map;

import com.forum.web.ApiClient.Member;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content trust and the staff's record as people meet them: a moderator hides an earlier version of a
 * post (a phone number edited out) from its history, readers see only that a version was hidden, and
 * an administrator reads the audit log, where the moderator's actions are.
 */
@IntegrationTest
class ContentTrustJourneysTest extends JourneyTest {

	private static final String PHONE = "139-0013-9000";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aModeratorHidesAnEarlierVersionAndReadersSeeOnlyThatItWasHidden(String language) {
		boolean zh = language.startsWith("zh");
		Member author = member("careless");
		Member moderator = staff("moderator", "MODERATOR");
		String title = (zh ? "出售旧手机 " : "Selling my old phone ") + marker();
		long thread = thread(author, TALK, title, (zh ? "打我电话 " : "Call me on ") + PHONE);
		assertThat(api.put("/api/v1/threads/" + thread, Map.of("title", title, "body", zh ? "请私信我" : "Message me here"),
				author.token()).status()).isEqualTo(200);

		Journey j = journey("revisions", language).signIn(moderator.username(), moderator.password());
		j.open("/threads/" + thread + "/history");
		assertThat(j.text(".revision-body")).contains(PHONE);
		j.type(".revision-hide input[name='note']", j.say("Phone number", "电话号码"));
		j.axe("edit history, moderator").screenshot("history-moderator");
		j.submit(".revision-hide");
		assertThat(j.text(".alert-success")).isEqualTo(j.message("moderation.notice.revision-hidden"));
		assertThat(j.text(".revision-hidden")).isEqualTo(j.message("history.hidden.staff"));
		assertThat(j.has(".revision-show")).isTrue();

		j.as(author.username(), author.password());
		j.open("/threads/" + thread + "/history");
		assertThat(j.text(".revision-hidden")).isEqualTo(j.message("history.hidden.notice"));
		assertThat(j.has(".revision-body")).isFalse();
		assertThat(j.source()).doesNotContain(PHONE);
		assertThat(j.has(".revision-hide")).as("members cannot hide versions").isFalse();
		j.axe("edit history with a hidden version").screenshot("history-reader");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void anAdministratorReadsTheAuditLogOfStaffActions(String language) {
		Member moderator = staff("moderator", "MODERATOR");
		long thread = thread(member("asker"), TALK, "Pin me " + marker(), "words");
		assertThat(api.put("/api/v1/threads/" + thread + "/pin", null, moderator.token()).status()).isEqualTo(200);
		Member admin = staff("admin", "ADMIN");

		Journey j = journey("audit", language).signIn(admin.username(), admin.password());
		j.click(".main-nav a[href='/admin/audit']");
		assertThat(j.path()).isEqualTo("/admin/audit");
		j.reloadUntil("the moderator's pin", page -> page.source().contains("topic:" + thread));
		j.axe("audit log").screenshot("audit");

		j.choose("#audit-action", "post.pinned").submit(form("/admin/audit"));
		assertThat(j.all(".audit-entry .audit-action")).allSatisfy(
				cell -> assertThat(cell.getText()).isEqualTo(j.message("audit.action.post.pinned")));
		assertThat(j.source()).contains(moderator.username());
		j.axe("audit log, one action").screenshot("audit-filtered");

		Member member = member("curious");
		j.as(member.username(), member.password());
		assertThat(j.has(".main-nav a[href='/admin/audit']")).isFalse();
	}
}
