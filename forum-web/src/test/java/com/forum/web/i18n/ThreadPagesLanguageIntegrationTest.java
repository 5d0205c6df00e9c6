package com.forum.web.i18n;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberSettings;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads side of the site in both languages: the words around the posts, the messages of its
 * forms, plurals, and times in the reader's own zone, which a member picks on their profile.
 */
@IntegrationTest
class ThreadPagesLanguageIntegrationTest {

	/** The opening post's time: when it was written, and the exact time shown on hover. */
	private static final Pattern POST_TIME = Pattern
		.compile("<article id=\"post\".*?<time datetime=\"([^\"]+)\" title=\"([^\"]+)\"", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	MemberSettings settings;

	@Test
	void everyThreadsPageSpeaksChineseToAChineseBrowser() {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("zhu");
		long thread = startThread(api, author, "小米 17 的续航怎么样？", "用了一周，**续航**不错。");
		Browser browser = new Browser(port).speaking("zh-CN,zh;q=0.9");

		assertChinese(browser.get("/"), "最新帖子", "版块", "加入社区");
		assertChinese(browser.get("/boards/hyperos"), "最新回复", "热门", "发帖", "首页");
		assertChinese(browser.get("/threads/" + thread), "楼主", "暂无回复", "登录后回复", "还没有账号？",
				"<strong>续航</strong>");
		assertChinese(browser.get("/search"), "搜索帖子、回复、建议和会员", "想找什么？");
		assertChinese(browser.get("/search?q=" + enc("续航")), "全部版块", "最相关");
		assertChinese(browser.get("/members/" + author.username()), "加入于", "个帖子", "条回复", "会员");
		assertChinese(browser.get("/login"), "欢迎回来", "还没有账号？", "用户名", "密码");
		assertChinese(browser.get("/register"), "注册账号", "确认密码", "已有账号？");

		Browser signedIn = new Browser(port).speaking("zh-CN").signIn(author);
		assertChinese(signedIn.get("/boards/support/new"), "我要提问", "标题", "支持 Markdown", "发布问题");
		assertChinese(signedIn.get("/threads/" + thread + "/edit"), "编辑帖子", "保存修改", "取消");
		assertChinese(signedIn.get("/threads/" + thread + "/reply"), "发表回复", "你的回复");
		assertChinese(signedIn.get("/threads/" + thread + "/history"), "主帖的编辑记录", "这条内容从未编辑过。");
		// a member with no news yet: the author's first thread earns a badge, which is news
		Browser quiet = new Browser(port).speaking("zh-CN").signIn(api.newMember("zhu"));
		assertChinese(quiet.get("/notifications"), "通知", "暂无通知");
	}

	@Test
	void formsExplainTheirMistakesInChinese() {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("xiao");
		long thread = startThread(api, author, "HyperOS 更新后耗电变快", "有人遇到吗？");
		Browser browser = new Browser(port).speaking("zh-CN").signIn(author);

		HttpResponse<String> tooShort = browser.post("/boards/hyperos/threads",
				"title=" + enc("耗电") + "&body=&_csrf=" + enc(browser.csrf()));
		assertThat(tooShort.statusCode()).isEqualTo(200);
		assertThat(tooShort.body()).contains("标题长度需为 5 到 150 个字符。", "请输入内容。")
			.doesNotContain("The title must be", "Please write something");

		HttpResponse<String> emptyReply = browser.post("/threads/" + thread + "/replies",
				"body=+&_csrf=" + enc(browser.csrf()));
		assertThat(emptyReply.body()).contains("请输入内容。");

		Browser visitor = new Browser(port).speaking("zh-CN");
		HttpResponse<String> register = visitor.post("/register", "username=" + enc("新人") + "&email=not-an-address"
				+ "&password=long-enough-pw&confirmPassword=other-password&_csrf=" + enc(visitor.csrf()));
		assertThat(register.statusCode()).isEqualTo(200);
		assertThat(register.body()).contains("邮箱地址格式不正确。", "两次输入的密码不一致。", "lang=\"zh-CN\"");

		Browser english = new Browser(port);
		HttpResponse<String> shortPassword = english.post("/register", "username=" + enc("newbie")
				+ "&email=someone%40test.example&password=short&confirmPassword=short&_csrf=" + enc(english.csrf()));
		assertThat(shortPassword.body()).contains("The password must be 8 to 128 characters.", "lang=\"en\"");
	}

	@Test
	void englishCountsUseTheRightPluralForms() {
		ApiClient api = new ApiClient(port);
		Member author = api.newMember("plural");
		long thread = startThread(api, author, "One reply, then two", "Counting replies.");
		Browser reader = new Browser(port);

		assertThat(reader.get("/threads/" + thread).body()).contains("0 replies", "0 likes", "No replies yet.");
		reply(api, thread, "first");
		String one = reader.get("/threads/" + thread).body();
		assertThat(one).contains(">1 reply<").doesNotContain("1 replies");
		reply(api, thread, "second");
		assertThat(reader.get("/threads/" + thread).body()).contains(">2 replies<");

		String chinese = new Browser(port).speaking("zh-CN").get("/threads/" + thread).body();
		assertThat(chinese).contains("2 条回复", "1楼", "2楼");
	}

	@Test
	void aMemberPicksTheirLanguageAndZoneOnTheirOwnProfile() {
		Member member = new ApiClient(port).newMember("zone");
		long thread = startThread(new ApiClient(port), member, "What time is it there?", "Times in my zone.");
		Browser browser = new Browser(port).speaking("en").signIn(member);
		String profile = browser.get("/members/" + member.username()).body();
		assertThat(profile).contains("Language and time zone", "<option value=\"Asia/Shanghai\"",
				"America/New_York", "Europe/Berlin");
		assertThat(profile.indexOf("value=\"UTC\"")).as("the common zones come first")
			.isLessThan(profile.indexOf("value=\"Africa/Abidjan\""));
		assertThat(new Browser(port).signIn(new ApiClient(port).newMember("other")).get("/members/" + member.username())
			.body()).as("nobody else sees them").doesNotContain("Language and time zone");

		HttpResponse<String> saved = browser.post("/settings/preferences",
				"language=en&timeZone=America%2FNew_York&_csrf=" + enc(browser.csrf()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("#settings");
		assertThat(saved.headers().firstValue("Set-Cookie").orElseThrow()).contains("forum_lang=en");
		var chosen = settings.preferences(directory.profile(member.username()).id());
		assertThat(chosen.zone()).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(browser.get("/members/" + member.username()).body()).contains("Your settings are saved.",
				"<option value=\"America/New_York\" selected=\"selected\"");

		// the exact time of a post, on hover, is the member's own
		Matcher time = POST_TIME.matcher(browser.get("/threads/" + thread).body());
		assertThat(time.find()).isTrue();
		Instant written = Instant.parse(time.group(1));
		assertThat(time.group(2)).isEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
			.withZone(ZoneId.of("America/New_York"))
			.format(written));
		Matcher inUtc = POST_TIME.matcher(new Browser(port).speaking("en").get("/threads/" + thread).body());
		assertThat(inUtc.find()).isTrue();
		assertThat(inUtc.group(2)).isEqualTo(
				DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.of("UTC")).format(written));

		// then Chinese: the pages switch at once, and the cookie keeps it after signing out
		HttpResponse<String> chinese = browser.post("/settings/preferences",
				"language=zh-CN&timeZone=Asia%2FTaipei&_csrf=" + enc(browser.csrf()));
		assertThat(chinese.headers().firstValue("Set-Cookie").orElseThrow()).contains("forum_lang=zh-CN");
		assertThat(browser.get("/members/" + member.username()).body()).contains("设置已保存。", "lang=\"zh-CN\"",
				"<option value=\"Asia/Taipei\" selected=\"selected\"");
		browser.post("/logout", "_csrf=" + enc(browser.csrf()));
		assertThat(browser.get("/login?logout").body()).contains("你已退出登录。", "lang=\"zh-CN\"");
	}

	@Test
	void badSettingsAreExplainedOnThePageInTheReadersLanguage() {
		Member member = new ApiClient(port).newMember("badzone");
		Browser browser = new Browser(port).speaking("en").signIn(member);

		HttpResponse<String> english = browser.post("/settings/preferences",
				"language=xx&timeZone=Mars%2FOlympus_Mons&_csrf=" + enc(browser.csrf()));
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Please choose one of the languages in the list.",
				"Please choose a time zone from the list.");

		Browser zh = new Browser(port).speaking("zh-CN").signIn(member);
		HttpResponse<String> blank = zh.post("/settings/preferences", "language=&timeZone=&_csrf=" + enc(zh.csrf()));
		assertThat(blank.statusCode()).isEqualTo(200);
		assertThat(blank.body()).contains("请选择语言。", "请选择时区。");
		assertThat(settings.preferences(directory.profile(member.username()).id()).zone()).isNull();

		Browser visitor = new Browser(port);
		HttpResponse<String> anonymous = visitor.post("/settings/preferences",
				"language=en&timeZone=UTC&_csrf=" + enc(visitor.csrf()));
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void signingOutIsConfirmedInBothLanguages() {
		Member member = new ApiClient(port).newMember("bye");
		for (String language : new String[] { "en", "zh-CN" }) {
			Browser browser = new Browser(port).speaking(language).signIn(member);
			HttpResponse<String> out = browser.post("/logout", "_csrf=" + enc(browser.csrf()));
			assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
			assertThat(browser.get("/login?logout").body())
				.contains(language.equals("en") ? "You have signed out." : "你已退出登录。");
		}
	}

	private void assertChinese(HttpResponse<String> page, String... words) {
		assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
		assertThat(page.body()).as(page.uri().toString())
			.contains("<html lang=\"zh-CN\"")
			.contains(words)
			.doesNotContain("Latest threads", "Sign in to reply", "Original poster", "Create your account",
					"Search every board", "Joined", ">Cancel<", "Mark all read");
	}

	private long startThread(ApiClient api, Member author, String title, String body) {
		long board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		ApiClient.Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body", body),
				author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void reply(ApiClient api, long thread, String text) {
		Member someone = api.newMember("r-" + UUID.randomUUID().toString().substring(0, 4));
		assertThat(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", text), someone.token()).status())
			.isEqualTo(201);
	}
}
