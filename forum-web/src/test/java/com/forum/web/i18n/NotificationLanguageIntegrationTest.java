package com.forum.web.i18n;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberSettings;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each e-mail goes out in its recipient's language; the notification centre shows each notification
 * in the language of whoever reads it, while what people wrote stays as written.
 */
@IntegrationTest
class NotificationLanguageIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberSettings settings;

	@Test
	void eMailsGoOutInEachRecipientsLanguageAndTheCentreInTheReaders() throws Exception {
		ApiClient api = new ApiClient(port);
		String employee = api.token("employee", "employee-demo-2026");
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		Member author = api.newMember("zuozhe");
		Member chineseVoter = api.newMember("mifen");
		Member englishVoter = api.newMember("fan");
		settings.changeLanguage(directory.profile(chineseVoter.username()).id(), Locale.forLanguageTag("zh-CN"));

		String title = "Always-on display 的时钟样式 " + System.nanoTime();
		long id = api.post("/api/v1/petitions", Map.of("boardId", board, "title", title, "description", "Please.",
				"tags", List.of("aod")), author.token()).json().get("id").asLong();
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), chineseVoter.token());
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), englishVoter.token());
		assertThat(api.post("/api/v1/petitions/" + id + "/status",
				Map.of("status", "planned", "response", "We'll ship it in HyperOS 3."), employee).status())
			.isEqualTo(200);

		String chineseSubject = Await.value(Duration.ofSeconds(20), () -> subject(chineseVoter), java.util.Objects::nonNull);
		assertThat(chineseSubject).isEqualTo("“" + title + "”已排期");
		assertThat(mail(chineseVoter)).contains("We'll ship it in HyperOS 3.", "在社区中查看：\n/petitions/" + id);
		assertThat(Await.value(Duration.ofSeconds(20), () -> subject(englishVoter), java.util.Objects::nonNull))
			.isEqualTo("“" + title + "” is now planned");
		assertThat(mail(englishVoter)).contains("Open it on the forum:\n/petitions/" + id);
		// never chose, registered through the API without a language: the forum's fallback
		assertThat(Await.value(Duration.ofSeconds(20), () -> subject(author), java.util.Objects::nonNull)).endsWith("is now planned");

		// the centre follows the reader, not the language the notification was written in
		var centre = api.get("/api/v1/notifications", englishVoter.token(), "zh-CN").json().get("items").get(0);
		assertThat(centre.get("title").asString()).isEqualTo("“" + title + "”已排期");
		assertThat(centre.get("body").asString()).isEqualTo("We'll ship it in HyperOS 3.");
	}

	private String subject(Member member) {
		List<String> subjects = jdbc.queryForList("""
				select e.subject from outgoing_email e join member m on m.id = e.recipient_id
				where m.username = ? and e.dedupe_key not like 'account:%'""", String.class, member.username());
		return subjects.isEmpty() ? null : subjects.getFirst();
	}

	private String mail(Member member) {
		return jdbc.queryForObject("""
				select e.body from outgoing_email e join member m on m.id = e.recipient_id
				where m.username = ? and e.dedupe_key not like 'account:%'""", String.class, member.username());
	}
}
