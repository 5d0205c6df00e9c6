package com.forum.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberProfile;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petition side of the site in both languages: the pages' own words in Chinese, plurals in
 * English, times in the reader's zone, form errors summed up at the top of the page, assigning by
 * name, and the roadmap's columns leading to all their petitions.
 */
@IntegrationTest
class PetitionPagesLanguageIntegrationTest {

	private static final String CHINESE = "zh-CN,zh;q=0.9";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	MemberDirectory directory;

	private ApiClient api;

	private long board;

	private String marker;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		marker = UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void thePetitionPagesSpeakChinese() {
		Member author = api.newMember("jianyi");
		Member employee = staff("chuli", "EMPLOYEE");
		Member admin = staff("guanli", "ADMIN");
		long id = submit(author, "深色模式跟随日落自动切换 " + marker, "display");

		Browser visitor = new Browser(port).speaking(CHINESE);
		assertThat(chinese(visitor.get("/petitions"))).contains("提建议", "票数最多", "全部状态", "产品版块")
			.doesNotContain("Suggest something", "Any status");
		assertThat(chinese(visitor.get("/petitions/" + id))).contains(">已提交<", "登录后投票", "处理记录", "1 票")
			.doesNotContain("Sign in to vote", ">Submitted<");
		assertThat(chinese(visitor.get("/roadmap"))).contains("路线图", "已排期", "开发中", "最近上线")
			.doesNotContain("Recently shipped");
		assertThat(chinese(visitor.get("/releases"))).contains("版本发布", "每份更新说明");

		Browser writer = new Browser(port).speaking(CHINESE).signIn(author);
		assertThat(chinese(writer.get("/petitions/new"))).contains("提建议", "查找相似建议", "（选填）", "请选择所属版块…")
			.doesNotContain("Check for similar petitions");

		Browser staff = new Browser(port).speaking(CHINESE).signIn(employee);
		assertThat(chinese(staff.get("/triage?status=any&sort=newest"))).contains("建议处理", "待处理队列", "应用到已勾选",
				"仅工作人员可见", "条建议").doesNotContain("Apply to ticked");
		assertThat(chinese(staff.get("/petitions/" + id))).contains("修改状态", "内部备注——会员永远看不到", "首次回复截止：",
				"(UTC+8)", "评估中").doesNotContain("Change status", " UTC<");

		Browser admins = new Browser(port).speaking(CHINESE).signIn(admin);
		assertThat(chinese(admins.get("/admin/event-publications"))).contains("事件投递", "失败（", "已放弃（", "投递中（")
			.doesNotContain("Event deliveries");
	}

	@Test
	void statusesAreNamedInTheReadersLanguage() {
		long id = submit(api.newMember("status"), "Status names in both languages " + marker, "names");
		assertThat(new Browser(port).speaking("en").get("/petitions/" + id).body()).contains(">Submitted<");
		assertThat(new Browser(port).speaking(CHINESE).get("/petitions/" + id).body()).contains(">已提交<");
		String list = new Browser(port).speaking(CHINESE).get("/petitions").body();
		assertThat(list).contains(">评估中<", ">已上线<", ">暂不采纳<");
	}

	@Test
	void countsUseTheRightPluralInEnglish() {
		String tag = "plural-" + marker;
		Member author = api.newMember("plural");
		long id = submit(author, "One vote and then two votes " + marker, tag);

		String one = new Browser(port).speaking("en").get("/petitions?tag=" + tag).body();
		assertThat(one).contains(">1 petition<", "title=\"1 vote\"", "<span>vote</span>")
			.doesNotContain("1 petitions", "1 votes");
		assertThat(new Browser(port).speaking("en").get("/petitions/" + id).body())
			.containsPattern("<strong>1</strong>\\s*<span>vote</span>");

		Member fan = api.newMember("plural-fan");
		assertThat(api.put("/api/v1/petitions/" + id + "/vote", Map.of(), fan.token()).status()).isLessThan(300);
		Await.until(java.time.Duration.ofSeconds(20),
				() -> new Browser(port).speaking("en").get("/petitions?tag=" + tag).body().contains("<span>votes</span>"));
		String two = new Browser(port).speaking("en").get("/petitions?tag=" + tag).body();
		assertThat(two).contains("title=\"2 votes\"", "<span>votes</span>");
		assertThat(new Browser(port).speaking(CHINESE).get("/petitions?tag=" + tag).body()).contains("共 1 条建议",
				"2 票");
	}

	@Test
	void aTriageFormsErrorsAreSummedUpAtTheTopOfThePageInTheReadersLanguage() {
		long id = submit(api.newMember("errors"), "Errors summed up at the top " + marker, "errors");
		Browser staff = new Browser(port).speaking(CHINESE).signIn(staff("summary", "EMPLOYEE"));
		String page = staff.get("/petitions/" + id).body();
		assertThat(page).contains("/petitions/" + id + "/notes#errors", "/petitions/" + id + "/status#errors");

		HttpResponse<String> blankNote = staff.post("/petitions/" + id + "/notes", "body=&_csrf=" + enc(staff.csrf()));
		assertThat(blankNote.statusCode()).isEqualTo(200);
		String body = chinese(blankNote);
		String summary = summary(body);
		assertThat(summary).contains("role=\"alert\"", "autofocus", "请修改以下 1 处问题：",
				"<a href=\"#note-body\">请填写备注内容。</a>");
		// first in <main>, before the breadcrumbs, the petition and the far-down form
		assertThat(body.indexOf("id=\"errors\"")).isGreaterThan(body.indexOf("<main"))
			.isLessThan(body.indexOf("class=\"breadcrumbs\""));
		assertThat(body).contains("class=\"field-error\"");

		HttpResponse<String> noStatus = staff.post("/petitions/" + id + "/status",
				"status=&response=&_csrf=" + enc(staff.csrf()));
		assertThat(summary(chinese(noStatus))).contains("<a href=\"#status-to\">请选择新状态。</a>");
		HttpResponse<String> declined = staff.post("/petitions/" + id + "/status",
				"status=DECLINED&response=&_csrf=" + enc(staff.csrf()));
		assertThat(summary(chinese(declined))).contains("<a href=\"#status-response\">暂不采纳需要说明理由，请填写官方回复。</a>");

		Browser en = new Browser(port).speaking("en").signIn(staff("summary-en2", "EMPLOYEE"));
		String englishPage = en.post("/petitions/" + id + "/notes", "body=&_csrf=" + enc(en.csrf())).body();
		assertThat(summary(englishPage)).contains("Please fix this problem",
				"<a href=\"#note-body\">Please write the note.</a>");
	}

	@Test
	void theBulkDecisionsErrorsComeBackAtTheTopOfTheQueue() {
		Browser staff = new Browser(port).speaking(CHINESE).signIn(staff("bulk", "EMPLOYEE"));
		HttpResponse<String> nothingTicked = staff.post("/triage/bulk-status",
				"status=PLANNED&response=&query=" + enc("status=any") + "&_csrf=" + enc(staff.csrf()));
		assertThat(nothingTicked.statusCode()).isEqualTo(302);
		String back = nothingTicked.headers().firstValue("Location").orElseThrow();
		assertThat(back).endsWith("/triage?status=any#errors");
		String queue = chinese(staff.get(URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery()));
		assertThat(summary(queue)).contains("<a href=\"#queue-table\">请先勾选至少一条建议。</a>");
		assertThat(queue).contains("id=\"queue-table\"");

		HttpResponse<String> noStatus = staff.post("/triage/bulk-status",
				"petitionIds=1&status=&query=&_csrf=" + enc(staff.csrf()));
		assertThat(summary(chinese(staff.get("/triage")))).contains("<a href=\"#bulk-status\">请选择新状态。</a>");
		assertThat(noStatus.headers().firstValue("Location").orElseThrow()).endsWith("/triage#errors");
		// shown once: the summary does not come back on the next visit
		assertThat(staff.get("/triage").body()).doesNotContain("id=\"errors\"");
	}

	@Test
	void anEmployeeIsAssignedByPickingTheirName() {
		Member employee = staff("assignee", "EMPLOYEE");
		Member admin = staff("assignee-admin", "ADMIN");
		Member member = api.newMember("not-staff");
		List<String> staffNames = directory.staff().stream().map(MemberProfile::username).toList();
		assertThat(staffNames).contains(employee.username(), admin.username(), "employee", "admin")
			.doesNotContain(member.username(), "mifan", "moderator");
		assertThat(staffNames).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

		long id = submit(member, "Assigned by name, not by number " + marker, "assign");
		long employeeId = directory.profile(employee.username()).id().value();
		Browser staff = new Browser(port).speaking("en").signIn(employee);
		String page = staff.get("/petitions/" + id).body();
		assertThat(page).containsPattern("<select id=\"assign-member\"[^>]* name=\"assigneeId\"");
		assertThat(page).contains("<option value=\"" + employeeId + "\">" + employee.username() + "</option>")
			.doesNotContain("Employee id");

		HttpResponse<String> assigned = staff.post("/petitions/" + id + "/assignee",
				"team=camera&assigneeId=" + employeeId + "&_csrf=" + enc(staff.csrf()));
		assertThat(assigned.statusCode()).isEqualTo(302);
		String after = staff.get("/petitions/" + id).body();
		assertThat(after).contains("Assignment saved.", "<strong>" + employee.username() + "</strong>",
				"<option value=\"" + employeeId + "\" selected=\"selected\">" + employee.username() + "</option>");
		assertThat(staff.get("/triage?status=any&assignee=" + employeeId).body()).contains(
				"Assigned by name, not by number " + marker,
				"<option value=\"" + employeeId + "\" selected=\"selected\">" + employee.username() + "</option>");
	}

	@Test
	void aRoadmapColumnShowsItsTotalAndLeadsToAllOfIt() {
		Member author = api.newMember("roadmap");
		Member employee = staff("roadmap-staff", "EMPLOYEE");
		List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			ids.add(submit(author, "Roadmap item " + i + " " + marker, "roadmap"));
		}
		ApiClient.Response planned = api.post("/api/v1/triage/bulk-status",
				Map.of("petitionIds", ids, "status", "planned"), employee.token());
		assertThat(planned.status()).as(planned.body()).isLessThan(300);

		String roadmap = new Browser(port).speaking("en").get("/roadmap").body();
		Matcher seeAll = Pattern.compile("href=\"(/petitions\\?sort=top&amp;status=planned)\">See all ([\\d,]+) →")
			.matcher(roadmap);
		assertThat(seeAll.find()).as("a link to all planned petitions").isTrue();
		long total = Long.parseLong(seeAll.group(2).replace(",", ""));
		assertThat(total).isGreaterThan(20);
		assertThat(roadmap).contains("title=\"" + seeAll.group(2) + " petitions in all\"");

		String all = new Browser(port).speaking("en").get(seeAll.group(1).replace("&amp;", "&")).body();
		assertThat(all).contains(">" + seeAll.group(2) + " petitions<", "status=planned&amp;page=2");
		assertThat(new Browser(port).speaking(CHINESE).get("/roadmap").body()).contains("查看全部 " + seeAll.group(2) + " 条");
	}

	@Test
	void releaseTimesAreShownInTheReadersZoneAndTypedInIt() {
		Member employee = staff("release", "EMPLOYEE");
		ApiClient.Response created = api.post("/api/v1/releases",
				Map.of("version", "TZ-" + marker, "releaseAt", "2030-01-15T04:00:00Z"), employee.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long release = created.json().get("id").asLong();

		Browser english = new Browser(port).speaking("en").signIn(employee);
		assertThat(english.get("/releases/" + release).body()).contains("Tue 15 Jan 2030, 04:00 (UTC)");
		Browser chinese = new Browser(port).speaking(CHINESE).signIn(employee);
		assertThat(chinese.get("/releases/" + release).body()).contains("2030年1月15日（周二） 12:00 (UTC+8)");

		String form = chinese.get("/releases/new").body();
		assertThat(form).contains("Asia/Shanghai (UTC+8)");
		HttpResponse<String> typed = chinese.post("/releases", "version=" + enc("TZ2-" + marker)
				+ "&releaseAt=2030-02-01T20:00&notes=&_csrf=" + enc(chinese.csrf()));
		assertThat(typed.statusCode()).isEqualTo(302);
		String path = URI.create(typed.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(api.get("/api/v1" + path, employee.token()).json().get("releaseAt").asString())
			.isEqualTo("2030-02-01T12:00:00Z");

		HttpResponse<String> garbled = chinese.post("/releases",
				"version=" + enc("TZ3-" + marker) + "&releaseAt=soon&notes=&_csrf=" + enc(chinese.csrf()));
		assertThat(summary(chinese(garbled))).contains("<a href=\"#releaseAt\">请按 2026-05-12T12:00 的格式填写日期，或留空。</a>");
	}

	/** A member of staff who can sign in: registered as a member, then promoted. */
	private Member staff(String prefix, String role) {
		Member member = api.newMember(prefix);
		db.update("update member set role = ? where username = ?", role, member.username());
		return member;
	}

	private long submit(Member author, String title, String tag) {
		ApiClient.Response created = api.post("/api/v1/petitions", Map.of("boardId", board, "title", title,
				"description", "Please consider: " + title, "tags", List.of(tag)), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** The page, checked to be in Chinese. */
	private static String chinese(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\"");
		return page.body();
	}

	/** The error summary at the top of a page. */
	private static String summary(String page) {
		int start = page.indexOf("id=\"errors\"");
		assertThat(start).as("an error summary").isPositive();
		return page.substring(page.lastIndexOf("<div", start), page.indexOf("</div>", start));
	}
}
