package com.forum.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardKind;
import com.forum.shared.WeekRange;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures on a data set built for it, in boards of its own, so every number is
 * known: weekly triage trends, open petitions per area, questions solved by members, the medians
 * to a first answer and to a solution, and satisfaction; and the page drawing them as charts in
 * both languages. Everything happens in the two weeks before the current one (in UTC), so the
 * weeks it lands in do not depend on the day the test runs.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTest {

	private static final long HOUR = 3600;

	private static final long DAY = 24 * HOUR;

	@LocalServerPort
	int port;

	@Autowired
	BoardCatalog boards;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	ApiClient api;

	String employee;

	/** Mondays 00:00 UTC of the weeks three, two and one before the current one. */
	Instant week9;

	Instant week10;

	Instant week11;

	long support;

	long otherSupport;

	long petitions;

	@BeforeAll
	void buildTheDataSet() {
		api = new ApiClient(port);
		employee = api.token("employee", "employee-demo-2026");
		WeekRange weeks = WeekRange.last(12, ZoneOffset.UTC, clock.instant());
		week9 = monday(weeks, 9);
		week10 = monday(weeks, 10);
		week11 = monday(weeks, 11);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		support = boards.create("help-" + suffix, "Help " + suffix, "test", BoardKind.SUPPORT).value();
		otherSupport = boards.create("care-" + suffix, "Care " + suffix, "test", BoardKind.SUPPORT).value();
		petitions = boards.create("ideas-" + suffix, "Ideas " + suffix, "test", BoardKind.DISCUSSION).value();
		supportQuestions();
		petitionsAnswered();
	}

	/**
	 * Five questions and a deleted one. Solved: Q1 by a member, Q2 by an employee, Q3 by a moderator
	 * (a member of the community too); Q4 answered only, Q5 not at all.
	 */
	private void supportQuestions() {
		SeededMember asker = SeededMember.create(jdbc, "asker", "MEMBER");
		SeededMember helper = SeededMember.create(jdbc, "helper", "MEMBER");
		SeededMember moderator = SeededMember.create(jdbc, "mod", "MODERATOR");
		SeededMember staff = SeededMember.create(jdbc, "staff", "EMPLOYEE");

		Instant q1At = week10.plusSeconds(DAY + 10 * HOUR);
		long q1 = question(asker, support, q1At);
		accept(asker, q1, answer(helper, q1, q1At.plusSeconds(2 * HOUR)), q1At.plusSeconds(5 * HOUR));

		Instant q2At = week10.plusSeconds(2 * DAY + 10 * HOUR);
		long q2 = question(asker, support, q2At);
		answer(asker, q2, q2At.plusSeconds(HOUR)); // the asker's own follow-up is no answer
		accept(asker, q2, answer(staff, q2, q2At.plusSeconds(4 * HOUR)), q2At.plusSeconds(10 * HOUR));

		Instant q3At = week11.plusSeconds(DAY + 10 * HOUR);
		long q3 = question(asker, support, q3At);
		accept(asker, q3, answer(moderator, q3, q3At.plusSeconds(6 * HOUR)), q3At.plusSeconds(30 * HOUR));

		Instant q4At = week11.plusSeconds(3 * DAY + 10 * HOUR);
		answer(helper, question(asker, support, q4At), q4At.plusSeconds(HOUR));
		question(asker, support, week11.plusSeconds(4 * DAY));

		long deleted = question(asker, support, week11.plusSeconds(2 * DAY));
		answer(helper, deleted, week11.plusSeconds(2 * DAY + 60));
		assertThat(api.delete("/api/v1/threads/" + deleted, asker.token()).status()).isEqualTo(204);

		// another support board: one question, solved by staff
		Instant elsewhereAt = week10.plusSeconds(10 * HOUR);
		long elsewhere = question(asker, otherSupport, elsewhereAt);
		accept(asker, elsewhere, answer(staff, elsewhere, elsewhereAt.plusSeconds(HOUR)),
				elsewhereAt.plusSeconds(2 * HOUR));

		// satisfaction: the asker rates Q1 very satisfied, Q2 dissatisfied, Q3 satisfied
		rate("threads", q1, 5, asker.token());
		rate("threads", q2, 2, asker.token());
		rate("threads", q3, 4, asker.token());
	}

	/**
	 * Petitions on a board of their own, with the 7-day response deadline. P1 to P3 fall due in
	 * week 10 (P1 answered in time, P2 late, P3 never); P4 and P5 fall due in week 11, answered in
	 * time. P2 and P6 are declined, and their authors and a voter rate the outcome.
	 */
	private void petitionsAnswered() {
		Member author = api.newMember("wisher");
		Member voter = api.newMember("backer");
		petition(author, "Dashboard probe one", week9.plusSeconds(9 * HOUR), 2 * DAY, "planned");
		long p2 = petition(author, "Dashboard probe two", week9.plusSeconds(DAY + 9 * HOUR), 9 * DAY, "declined");
		petition(author, "Dashboard probe three", week9.plusSeconds(2 * DAY + 9 * HOUR), null, null);
		petition(author, "Dashboard probe four", week10.plusSeconds(DAY + 9 * HOUR), DAY, "under_review");
		petition(author, "Dashboard probe five", week10.plusSeconds(2 * DAY + 9 * HOUR), 3 * DAY, "under_review");
		long p6 = api.post("/api/v1/petitions", Map.of("boardId", petitions, "title", "Dashboard probe six",
				"description", "six"), author.token()).json().get("id").asLong();
		api.put("/api/v1/petitions/" + p6 + "/vote", Map.of(), voter.token());
		status(p6, "declined");
		// dated after the weeks looked at: only its rating counts
		jdbc.update("update petition set created_at = now(), first_response_at = now() where id = ?", p6);

		rate("petitions", p2, 1, author.token());
		rate("petitions", p6, 4, author.token());
		rate("petitions", p6, 5, voter.token());
	}

	@Test
	void triageTrendsCountByTheWeekTheDeadlineFellInAndTheWeekOfTheResponse() {
		JsonNode trends = trends(petitions);

		JsonNode weeks = trends.get("petitionWeeks");
		assertThat(weeks.size()).isEqualTo(12);
		JsonNode w9 = weeks.get(8);
		JsonNode w10 = weeks.get(9);
		JsonNode w11 = weeks.get(10);
		assertThat(w10.get("week").asString()).isEqualTo(LocalDate.ofInstant(week10, ZoneOffset.UTC).toString());
		assertThat(w10.get("due").asLong()).isEqualTo(3);
		assertThat(w10.get("answeredInTime").asLong()).isEqualTo(1);
		assertThat(w10.get("shareAnsweredInTime").asDouble()).isEqualTo(1.0 / 3);
		assertThat(w11.get("due").asLong()).isEqualTo(2);
		assertThat(w11.get("shareAnsweredInTime").asDouble()).isEqualTo(1.0);
		assertThat(w9.get("shareAnsweredInTime").isNull()).as("nothing fell due in week 9").isTrue();

		assertThat(w9.get("responses").asLong()).isEqualTo(1);
		assertThat(w9.get("medianFirstResponseSeconds").asLong()).isEqualTo(2 * DAY);
		assertThat(w10.get("responses").asLong()).isEqualTo(3);
		assertThat(w10.get("medianFirstResponseSeconds").asLong()).as("of 1, 3 and 9 days").isEqualTo(3 * DAY);
		assertThat(w11.get("responses").asLong()).isZero();
		assertThat(w11.get("medianFirstResponseSeconds").isNull()).isTrue();

		// planned, submitted and the two under review are open; the declined ones are not
		assertThat(trends.get("openByBoard").size()).isEqualTo(1);
		assertThat(trends.get("openByBoard").get(0).get("boardId").asLong()).isEqualTo(petitions);
		assertThat(trends.get("openByBoard").get(0).get("open").asLong()).isEqualTo(4);
	}

	@Test
	void supportFiguresCountMembersAndModeratorsAsTheCommunityAndTakeMedians() {
		JsonNode figures = trends(support);

		JsonNode totals = figures.get("support");
		assertThat(totals.get("questions").asLong()).as("the deleted question is left out").isEqualTo(5);
		assertThat(totals.get("solved").asLong()).isEqualTo(3);
		assertThat(totals.get("solvedByMembers").asLong()).isEqualTo(2);
		assertThat(totals.get("shareSolvedByMembers").asDouble()).isEqualTo(2.0 / 3);
		assertThat(totals.get("medianFirstAnswerSeconds").asLong()).as("of 1, 2, 4 and 6 hours").isEqualTo(3 * HOUR);
		assertThat(totals.get("medianSolutionSeconds").asLong()).as("of 5, 10 and 30 hours").isEqualTo(10 * HOUR);

		JsonNode w10 = figures.get("supportWeeks").get(9);
		assertThat(w10.get("asked").asLong()).isEqualTo(2);
		assertThat(w10.get("firstAnswers").asLong()).isEqualTo(2);
		assertThat(w10.get("medianFirstAnswerSeconds").asLong()).isEqualTo(3 * HOUR);
		assertThat(w10.get("solved").asLong()).isEqualTo(2);
		assertThat(w10.get("solvedByMembers").asLong()).isEqualTo(1);
		assertThat(w10.get("shareSolvedByMembers").asDouble()).isEqualTo(0.5);
		assertThat(w10.get("medianSolutionSeconds").asLong()).isEqualTo(7 * HOUR + 30 * 60);
		JsonNode w11 = figures.get("supportWeeks").get(10);
		assertThat(w11.get("asked").asLong()).isEqualTo(3);
		assertThat(w11.get("firstAnswers").asLong()).isEqualTo(2);
		assertThat(w11.get("medianFirstAnswerSeconds").asLong()).isEqualTo(3 * HOUR + 30 * 60);
		assertThat(w11.get("solved").asLong()).isEqualTo(1);
		assertThat(w11.get("shareSolvedByMembers").asDouble()).isEqualTo(1.0);
		assertThat(w11.get("medianSolutionSeconds").asLong()).isEqualTo(30 * HOUR);
		assertThat(figures.get("supportWeeks").get(8).get("asked").asLong()).isZero();
	}

	@Test
	void theFiguresFollowTheBoardFilter() {
		JsonNode elsewhere = trends(otherSupport);
		assertThat(elsewhere.get("support").get("questions").asLong()).isEqualTo(1);
		assertThat(elsewhere.get("support").get("solvedByMembers").asLong()).isZero();
		assertThat(elsewhere.get("support").get("shareSolvedByMembers").asDouble()).isZero();
		assertThat(elsewhere.get("questionSatisfaction").get("ratings").asLong()).isZero();
		assertThat(elsewhere.get("openByBoard").size()).isZero();

		JsonNode ideas = trends(petitions);
		assertThat(ideas.get("support").get("questions").asLong()).as("not a support board").isZero();
		assertThat(ideas.get("support").get("shareSolvedByMembers").isNull()).isTrue();

		JsonNode everywhere = api.get("/api/v1/triage/trends", employee).json();
		assertThat(everywhere.get("support").get("questions").asLong()).isGreaterThanOrEqualTo(6);
		assertThat(everywhere.get("openByBoard").valueStream().map(area -> area.get("boardId").asLong()))
			.contains(petitions);
	}

	@Test
	void satisfactionIsTheShareOfRatingsOfFourOrFive() {
		JsonNode questions = trends(support);
		assertThat(questions.get("questionSatisfaction").get("ratings").asLong()).isEqualTo(3);
		assertThat(questions.get("questionSatisfaction").get("satisfied").asLong()).isEqualTo(2);
		assertThat(questions.get("questionSatisfaction").get("share").asDouble()).isEqualTo(2.0 / 3);
		assertThat(questions.get("petitionSatisfaction").get("ratings").asLong()).isZero();
		JsonNode thisWeek = questions.get("satisfactionWeeks").get(11);
		assertThat(thisWeek.get("questions").get("ratings").asLong()).as("rated this week").isEqualTo(3);

		JsonNode outcomes = trends(petitions);
		assertThat(outcomes.get("petitionSatisfaction").get("ratings").asLong()).isEqualTo(3);
		assertThat(outcomes.get("petitionSatisfaction").get("satisfied").asLong()).isEqualTo(2);
		assertThat(outcomes.get("questionSatisfaction").get("share").isNull()).isTrue();
	}

	@Test
	void theTrendsAreForEmployeesAndRefuseAZoneThatIsNone() {
		Member member = api.newMember("curious");
		assertThat(api.get("/api/v1/triage/trends", member.token()).status()).isEqualTo(403);
		ApiClient.Response badZone = api.get("/api/v1/triage/trends?zone=Mars/Olympus", employee);
		assertThat(badZone.status()).isEqualTo(400);
		assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("zone");
		assertThat(api.get("/api/v1/triage/trends?weeks=0", employee).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/triage/trends?zone=Asia/Shanghai&weeks=4", employee).json().get("petitionWeeks")
			.size()).isEqualTo(4);
	}

	@Test
	void theDashboardDrawsItsChartsInChinese() {
		Browser browser = new Browser(port).speaking("zh-CN,zh;q=0.9").signIn("employee", "employee-demo-2026");

		HttpResponse<String> page = browser.get("/triage/dashboard?board=" + slug(support));

		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("<html lang=\"zh-CN\"", "数据看板", "用户互助解决率", "满意度（CSAT）", "查看数据");
		assertThat(svgTitles(html)).contains("每周 7 天内回复率", "每周首次回复用时（中位数）", "处理漏斗", "各版块待处理建议",
				"每周用户互助解决率", "每周首次回答与解决用时（中位数）", "每周满意度（CSAT）");
		assertThat(html).contains("role=\"img\"", "aria-labelledby=\"chart-by-members-title chart-by-members-desc\"");
		// the numbers of this board's data set, written the Chinese way
		assertThat(html).contains("67%", "已解决 3 个问题，其中 2 个由用户解决（共 5 个提问）", "10 小时", "3 小时");
		assertThat(html).doesNotContain("Triage dashboard", "Solved by members");
	}

	@Test
	void theDashboardDrawsItsChartsInEnglishWithPlurals() {
		Browser browser = new Browser(port).signIn("employee", "employee-demo-2026");

		String html = browser.get("/triage/dashboard?board=" + slug(petitions)).body();

		assertThat(html).contains("<html lang=\"en\"", "Triage dashboard", "6 petitions", "Funnel", "Acceptance rate");
		assertThat(svgTitles(html)).contains("Answered within 7 days, by week", "Median time to first response, by week",
				"Funnel", "Open petitions by area", "Satisfaction (CSAT), by week");
		assertThat(html).contains("4 of 6 due", "askers: no ratings; petitions: 3 ratings");
		// the table under the in-time chart: the week of P1 to P3 answered a third in time
		assertThat(html).contains("33% (1 of 3)", "100% (2 of 2)");
		assertThat(html).doesNotContain("数据看板");

		String empty = browser.get("/triage/dashboard?board=" + slug(otherSupport)).body();
		assertThat(empty).contains("no petitions", "No data in these weeks yet");
	}

	private JsonNode trends(long board) {
		ApiClient.Response response = api.get("/api/v1/triage/trends?zone=UTC&weeks=12&boardId=" + board, employee);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static java.util.List<String> svgTitles(String html) {
		Matcher title = Pattern.compile("<svg[^>]*role=\"img\"[^>]*>\\s*<title[^>]*>([^<]*)</title>").matcher(html);
		java.util.List<String> titles = new java.util.ArrayList<>();
		while (title.find()) {
			titles.add(title.group(1));
		}
		return titles;
	}

	private String slug(long board) {
		return jdbc.queryForObject("select slug from board where id = ?", String.class, board);
	}

	private static Instant monday(WeekRange weeks, int number) {
		return weeks.monday(number).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private long question(SeededMember asker, long board, Instant at) {
		ApiClient.Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title",
				"How do I fix this " + UUID.randomUUID().toString().substring(0, 6), "body", "Please help."),
				asker.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		jdbc.update("update topic set created_at = ? where id = ?", Timestamp.from(at), id);
		return id;
	}

	private long answer(SeededMember author, long topic, Instant at) {
		ApiClient.Response created = api.post("/api/v1/threads/" + topic + "/replies", Map.of("body", "Try this."),
				author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		jdbc.update("update reply set created_at = ? where id = ?", Timestamp.from(at), id);
		return id;
	}

	private void accept(SeededMember asker, long topic, long reply, Instant at) {
		ApiClient.Response accepted = api.post("/api/v1/threads/" + topic + "/accepted-answer",
				Map.of("replyId", reply), asker.token());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		jdbc.update("update topic set accepted_at = ? where id = ?", Timestamp.from(at), topic);
	}

	private void rate(String kind, long id, int rating, String token) {
		ApiClient.Response rated = api.put("/api/v1/" + kind + "/" + id + "/satisfaction", Map.of("rating", rating),
				token);
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
	}

	/** A petition submitted at a time, first answered after a while (null: never), moved to a status. */
	private long petition(Member author, String title, Instant at, Long answeredAfter, String status) {
		long id = api.post("/api/v1/petitions", Map.of("boardId", petitions, "title", title, "description", title),
				author.token()).json().get("id").asLong();
		if (status != null) {
			status(id, status);
		}
		jdbc.update("update petition set created_at = ?, first_response_at = ? where id = ?", Timestamp.from(at),
				answeredAfter == null ? null : Timestamp.from(at.plusSeconds(answeredAfter)), id);
		return id;
	}

	private void status(long id, String status) {
		ApiClient.Response changed = api.post("/api/v1/petitions/" + id + "/status",
				Map.of("status", status, "response", "Thanks, we looked at it."), employee);
		assertThat(changed.status()).as(changed.body()).isIn(200, 204);
	}
}
