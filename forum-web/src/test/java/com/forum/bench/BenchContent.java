package com.forum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forum text for the benchmarks: thread titles and bodies, replies, petitions and search queries, half in
 * Simplified Chinese and half in English, about phones and their firmware.
 * <p>
 * Texts are real sentences put together from templates and one vocabulary, so that a search for a query of
 * {@link #englishQueries(int)} or {@link #chineseQueries(int)} finds posts the way it would on the live
 * forum, and rendering meets the Markdown that members write: emphasis, inline code, lists, quotes, now and
 * then a fenced log excerpt and at most one {@code https://example.com/} link (a new member may show no
 * more), never an image.
 * <p>
 * The same seed gives the same sequence of texts. Every body (thread, reply and petition) names the build
 * its author runs, and the builds of one generator are all different for its first {@value #BUILDS} bodies,
 * so bodies never repeat: the forum refuses a member's text that repeats one of theirs.
 */
public final class BenchContent {

	private static final String[] EN_MODELS = { "Xiaomi 14 Pro", "Xiaomi 15", "Xiaomi 15 Ultra", "Redmi K70",
			"Redmi Note 13 Pro+", "Xiaomi 13 Ultra", "POCO F6", "Xiaomi MIX Fold 3", "Redmi Turbo 3",
			"Xiaomi Civi 4 Pro", "Xiaomi Pad 6", "Redmi 13C" };

	private static final String[] ZH_MODELS = { "小米14 Pro", "小米15", "小米15 Ultra", "Redmi K70", "Redmi Note 13 Pro+",
			"小米13 Ultra", "小米MIX Fold 3", "Redmi Turbo 3", "小米Civi 4 Pro", "小米平板6", "Redmi 13C", "Redmi K80" };

	private static final Topic[] TOPICS = {
			new Topic("battery", "battery life", "the battery",
					new String[] { "drains about {p}% overnight", "drops fast with the screen off",
							"lasts barely {h} hours of screen-on time" },
					"续航", new String[] { "明显变差，待机一晚掉电{p}%", "息屏耗电变快了", "亮屏只能撑{h}小时" }),
			new Topic("camera", "the camera", "the camera app",
					new String[] { "takes two seconds to focus", "crashes when I switch to the telephoto lens",
							"over-sharpens night photos" },
					"相机", new String[] { "对焦要等两秒", "切换长焦就闪退", "拍的夜景涂抹严重" }),
			new Topic("charging", "charging", "charging",
					new String[] { "stops at 80% even with smart charging off",
							"is slow on the original 120W charger", "pauses whenever the phone gets warm" },
					"充电", new String[] { "充到80%就停了", "用原装120W充电器也很慢", "时手机一热就暂停" }),
			new Topic("notifications", "notifications", "notifications",
					new String[] { "arrive late when the screen is off", "disappear after a reboot",
							"show no content on the lock screen" },
					"通知栏", new String[] { "的消息息屏后延迟", "重启后就清空了", "在锁屏上不显示内容" }),
			new Topic("dark mode", "dark mode", "dark mode",
					new String[] { "turns some apps grey", "switches back to light at {c}",
							"makes the settings text hard to read" },
					"深色模式", new String[] { "让部分应用变成灰色", "到{c}自己切回浅色", "下设置里的文字看不清" }),
			new Topic("fingerprint", "the fingerprint sensor", "the fingerprint sensor",
					new String[] { "fails with wet fingers", "takes a full second to unlock",
							"stopped responding after the update" },
					"指纹", new String[] { "手湿的时候识别失败", "解锁要等一秒", "更新后没反应了" }),
			new Topic("lock screen", "the lock screen", "the lock screen",
					new String[] { "loses its widgets after every reboot", "ignores the clock style I picked",
							"keeps bringing back the wallpaper carousel" },
					"锁屏", new String[] { "小部件重启后就没了", "时钟样式改不了", "壁纸轮播关了又自己打开" }),
			new Topic("signal", "mobile signal", "the signal",
					new String[] { "drops to one bar indoors", "jumps between 5G and 4G all the time",
							"takes minutes to come back after the elevator" },
					"信号", new String[] { "在室内只有一格", "在5G和4G之间来回跳", "出电梯后要好几分钟才恢复" }),
			new Topic("NFC", "NFC", "NFC",
					new String[] { "does not read my transit card", "turns itself off",
							"fails about half of the payments" },
					"NFC", new String[] { "刷不了公交卡", "会自己关掉", "支付有一半失败" }),
			new Topic("Bluetooth", "Bluetooth", "Bluetooth",
					new String[] { "disconnects from my earbuds", "stutters in the car", "forgets paired devices" },
					"蓝牙", new String[] { "连耳机经常断开", "在车上声音断断续续", "会忘记已配对的设备" }),
			new Topic("home screen", "the home screen", "the home screen",
					new String[] { "rearranges my icons", "stutters when I swipe", "lost the app drawer" },
					"桌面", new String[] { "图标自己乱跑", "滑动的时候掉帧卡顿", "抽屉模式不见了" }),
			new Topic("overheating", "overheating", "overheating",
					new String[] { "starts within ten minutes of gaming", "happens even on standby",
							"makes video calls throttle" },
					"发热", new String[] { "很严重，打游戏十分钟就烫手", "明显，待机也会发烫", "之后视频通话就降频" }),
			new Topic("display", "the always-on display", "the always-on display",
					new String[] { "turns off after ten seconds", "uses more battery than it should",
							"shows the wrong time" },
					"息屏显示", new String[] { "十秒后就灭了", "比以前更耗电", "的时间不对" }),
			new Topic("gallery", "the gallery", "the gallery",
					new String[] { "takes ages to load", "shuffles my albums", "shows deleted photos again" },
					"相册", new String[] { "加载特别慢", "里的相簿顺序乱了", "又出现了已删除的照片" }),
			new Topic("Wi-Fi", "Wi-Fi", "Wi-Fi",
					new String[] { "drops when the screen turns off", "connects but has no internet",
							"is slow on 5 GHz" },
					"WLAN", new String[] { "息屏就断开", "连上了但没网", "在5GHz频段很慢" }),
			new Topic("status bar", "the status bar", "the status bar",
					new String[] { "hides the battery percentage", "shows some icons twice", "overlaps the camera cutout" },
					"状态栏", new String[] { "不显示电量百分比", "图标重复显示", "和挖孔重叠" }),
			new Topic("keyboard", "the keyboard", "the keyboard",
					new String[] { "lags while typing", "forgets the height I set", "covers the text field" },
					"输入法", new String[] { "打字有延迟", "高度设置不保存", "挡住了输入框" }),
			new Topic("GPS", "GPS", "GPS",
					new String[] { "loses the position in the city", "takes a minute to lock",
							"drifts while navigating" },
					"定位", new String[] { "在市区经常丢失", "要一分钟才能成功", "在导航时漂移" }),
			new Topic("speaker", "the speaker", "the speaker",
					new String[] { "crackles at high volume", "is quieter than before", "stays mono in games" },
					"扬声器", new String[] { "大音量有破音", "声音比以前小", "玩游戏只有单声道" }),
			new Topic("update", "the system update", "the system update",
					new String[] { "is stuck at {p}%", "fails to install", "keeps asking me to restart" },
					"系统更新", new String[] { "卡在{p}%不动", "安装失败", "一直提示重启" }) };

	/** Words that many English texts hold besides their topic, for the second word of a query. */
	private static final String[] EN_QUERY_WORDS = { "update", "HyperOS", "Xiaomi", "Redmi", "settings", "reboot" };

	/** The same for Chinese. */
	private static final String[] ZH_QUERY_TERMS = { "耗电", "卡顿", "重启", "设置", "客服", "版本" };

	private static final String[] EN_APPS = { "WhatsApp", "WeChat", "Google Maps", "Spotify", "Telegram", "YouTube",
			"Instagram", "Gmail" };

	private static final String[] ZH_APPS = { "微信", "支付宝", "抖音", "高德地图", "淘宝", "QQ音乐", "哔哩哔哩", "小红书" };

	private static final String[] EN_FIXES = { "turning off battery optimisation for {a}",
			"clearing the cache of the Settings app", "resetting the network settings",
			"turning off MIUI optimisation in the developer options", "booting into safe mode",
			"switching off adaptive brightness", "removing and re-adding the fingerprint",
			"a reboot with the SIM card taken out", "downgrading to the previous firmware" };

	private static final String[] ZH_FIXES = { "关闭{a}的省电策略", "清除设置应用的缓存", "重置网络设置", "关闭开发者选项里的系统优化",
			"进安全模式", "关掉自动亮度", "删掉指纹重新录入", "拔掉SIM卡后重启", "降级到上一个版本" };

	private static final String[] EN_SETTINGS = { "Settings > Battery > App battery saver",
			"Settings > Notifications > Lock screen", "Settings > Display > Dark mode > Schedule",
			"Settings > Additional settings > Developer options", "Settings > Lock screen > Always-on display",
			"Settings > Mobile networks > Preferred network type", "Settings > Connection & sharing > NFC" };

	private static final String[] ZH_SETTINGS = { "设置 > 电池 > 应用智能省电", "设置 > 通知与控制中心 > 锁屏通知",
			"设置 > 显示 > 深色模式 > 定时开启", "设置 > 更多设置 > 开发者选项", "设置 > 锁屏 > 息屏显示",
			"设置 > 移动网络 > 首选网络类型", "设置 > 连接与共享 > NFC" };

	private static final String[] PACKAGES = { "com.tencent.mm", "com.android.systemui", "com.miui.home",
			"com.xiaomi.bluetooth", "com.android.nfc", "com.miui.securitycenter", "com.miui.gallery",
			"com.android.camera" };

	private static final String[] LOG_TAGS = { "PowerManagerService", "BatteryStatsService", "ActivityManager",
			"WifiStateMachine", "NotificationService", "CameraService", "ThermalManager" };

	private static final String[] EN_PROBLEM = { "Since the {v} update, {S} {s}.", "On my {m}, {S} {s}.",
			"{S} {s} on my {m}, and it started right after {v}.",
			"It happens every day around {c}: {S} {s}.", "After updating to {v}, {S} {s} again.",
			"Not sure if it is the firmware, but {S} {s} on {v}." };

	private static final String[] ZH_PROBLEM = { "升级{v}之后，{S}{s}。", "我的{m}也是，{S}{s}。", "每天{c}左右就会这样，{S}{s}。",
			"更新到{v}以后{S}{s}，之前没有这个问题。", "{m}刚升级完，{S}{s}。", "不知道是不是系统的问题，{S}{s}。" };

	private static final String[] EN_CONTEXT = { "Battery was at {p}% when I noticed it.",
			"Screen-on time is about {h} hours now, it used to be much better.",
			"I already tried {f}, but nothing changed.", "It is worse when {a} runs in the background.",
			"Cleared the cache and did a reboot, same result.", "The setting I changed last was {k}.",
			"A factory reset is the last thing I want to do, so any ideas are welcome.",
			"Support told me to wait for the next HyperOS update.",
			"The previous firmware did not have this problem with {n}.",
			"Is this a known issue with {n} on {v}?", "I have had {n} problems on {m} for {d} days now.",
			"Room temperature was normal, around 24 degrees." };

	private static final String[] ZH_CONTEXT = { "发现的时候电量还有{p}%。", "现在亮屏时间只有{h}小时左右。", "已经试过{f}，没有用。",
			"{a}在后台的时候更严重。", "清了缓存也重启了，还是一样。", "后台耗电排行第一的是{a}。", "整体用起来有点卡顿。",
			"客服说等下个版本的系统更新。", "上个版本的{n}没有这个问题。", "{n}的问题是不是已知的bug？", "设置路径：{k}。",
			"这个问题已经持续{d}天了。", "不想恢复出厂设置，大家有什么办法吗？" };

	private static final String[] EN_ADVICE = { "Try {f}, that fixed {n} for me.",
			"Did you check {k}? Mine was reset by the update.",
			"According to the changelog, {n} is fixed in the next beta.",
			"Same on my {m}: {S} {s}.", "Report it with the feedback app and attach a bug report, it helps.",
			"Mine got better after {f}, give it a day or two.",
			"I would not downgrade, the anti-rollback on {m} can brick it." };

	private static final String[] ZH_ADVICE = { "试试{f}，我的{n}就是这样好的。", "看看{k}，更新后被重置了。", "更新日志说下个内测版修复了{n}的问题。",
			"我的{m}也一样，{S}{s}。", "用服务与反馈提交一下日志，工程师会看。", "{f}之后好了一些，过一两天再看看。", "别降级，{m}有防回滚。" };

	private static final String[] EN_ONE_LINERS = { "+1, same here on my {m} ({B})", "Same problem after updating to {B}.",
			"Still happening on {B}.", "Can confirm on {m}, {B}.", "Fixed for me on {B}, thanks!",
			"Same here, {B} on a {m}." };

	private static final String[] ZH_ONE_LINERS = { "同样的问题，等修复（{m}，{B}）", "+1，{B}也一样", "{m}升级到{B}后还是这样",
			"{B}已经修复了，谢谢", "一样，{m}，版本{B}" };

	private static final String[] EN_DETAIL = { "Build: {B}.", "Running {B} on a {m}.", "Version {B}, {m}.",
			"Firmware is {B}.", "I am on {B}." };

	private static final String[] ZH_DETAIL = { "系统版本：{B}。", "机型{m}，版本{B}。", "目前是{B}。", "刚升级到{B}。" };

	private static final String[] EN_THREAD_TITLES = { "{m}: {S} {s} after {v}", "{S} {s} since {v}",
			"Is anyone else seeing {n} issues on {m}?", "[{m}] {S} {s}", "Tips for better {n} on {m} with {v}",
			"{v} on {m}: {n} after {d} days" };

	private static final String[] ZH_THREAD_TITLES = { "【{m}】{S}{s}", "升级{v}后{S}{s}", "{m}的{S}问题有人遇到吗", "{v}{S}{s}，怎么解决？",
			"分享一下{m}{S}的优化方法", "{S}{s}，求助" };

	private static final String[][] FEATURES = { { "a per-app battery saver schedule", "按应用设置省电计划" },
			{ "a weather widget on the lock screen", "锁屏天气小部件" }, { "a charging limit at 80%", "充电上限80%的选项" },
			{ "dark mode per app", "应用单独深色模式" }, { "a way to hide status bar icons", "隐藏状态栏图标的开关" },
			{ "grouped notifications by app", "通知栏按应用分组" }, { "custom images on the always-on display", "息屏显示自定义图片" },
			{ "an NFC shortcut in the control center", "控制中心的NFC快捷开关" },
			{ "a longer timeout for the fingerprint sensor", "更长的指纹识别超时" },
			{ "a second clock for another time zone on the lock screen", "锁屏双时钟" },
			{ "an option to turn off ads in system apps", "关闭系统应用广告的选项" },
			{ "call recording in every region", "所有地区的通话录音" }, { "a Wi-Fi signal strength value in dBm", "显示WLAN信号强度数值" },
			{ "a camera shortcut on double press of the power key", "双击电源键打开相机" },
			{ "the old app drawer layout", "旧版桌面抽屉布局" }, { "a manual Bluetooth codec switch", "手动切换蓝牙编码" },
			{ "a dark mode schedule based on sunset", "按日落时间切换深色模式" }, { "a monthly data usage widget", "每月流量小部件" } };

	private static final String[] EN_PETITION_TITLES = { "Add {x}", "Please add {x}", "Bring {x} to {v}",
			"Feature request: {x} for the {m}", "Add {x} to HyperOS", "Let us have {x}" };

	private static final String[] ZH_PETITION_TITLES = { "希望加入{x}", "建议增加{x}", "{m}希望支持{x}", "希望在{v}中加入{x}", "请加入{x}吧" };

	private static final String[] EN_PETITION_WHY = { "Other phones have had this for years, and it is the one thing I miss on my {m}.",
			"It would save a lot of battery for people who leave {a} running all day.",
			"Right now the only way is a third-party app, and those get killed by the battery saver.",
			"I asked in the {n} thread and many members want the same.",
			"It should be an option, off by default, so nobody who likes the current behaviour loses anything." };

	private static final String[] ZH_PETITION_WHY = { "其他品牌早就有了，{m}上就差这一个。", "后台一直开着{a}的人会省不少电。", "现在只能用第三方应用，但是会被省电策略杀掉。",
			"在{n}的帖子里问过，很多人都想要。", "做成一个默认关闭的选项就好，不影响喜欢现在这样的人。" };

	private static final String[] EN_PETITION_STEPS = { "Open {k}", "Pick the apps it applies to",
			"Choose a start and an end time", "Show a small icon in the status bar while it is active",
			"Let the control center toggle it" };

	private static final String[] ZH_PETITION_STEPS = { "打开{k}", "选择要生效的应用", "设置开始和结束时间", "生效时在状态栏显示小图标",
			"可以在控制中心快速开关" };

	/** The region codes of builds: China, global, Europe, India, Russia, Taiwan, Indonesia, Turkey. */
	private static final String[] REGIONS = { "CN", "MI", "EU", "IN", "RU", "TW", "ID", "TR" };

	private static final String[] LINK_PATHS = { "forum/t/", "hyperos/changelog/", "support/faq/", "kb/articles/" };

	/** How many bodies of one generator are sure to differ: the number of builds {@link #build()} tells apart. */
	static final int BUILDS = 4 * 700 * 40 * 8;

	/** Coprime to {@link #BUILDS}, so that multiplying by it permutes the builds. */
	private static final long BUILD_STRIDE = 387_433;

	private final SplittableRandom random;

	/** Where in the permutation of builds this seed starts, so that seeds differ from the first text on. */
	private final long buildOffset;

	private long bodies;

	/** Whether the text may hold a link yet: one at most. */
	private boolean linked;

	private final boolean links;

	/** Whether the text is Markdown, unlike a title. */
	private boolean markdown;

	public BenchContent(long seed) {
		this(seed, true);
	}

	/**
	 * @param links whether texts may show a link: posting links needs some reputation, which members new
	 *     to the forum (as the benchmark's are) do not have
	 */
	public BenchContent(long seed, boolean links) {
		this.links = links;
		this.random = new SplittableRandom(seed);
		this.buildOffset = Math.floorMod(seed * 0x9E3779B97F4A7C15L, BUILDS);
	}

	public String threadTitle() {
		boolean zh = random.nextBoolean();
		Topic topic = pick(TOPICS);
		String[] templates = zh ? ZH_THREAD_TITLES : EN_THREAD_TITLES;
		int min = zh ? 8 : 20;
		int max = zh ? 40 : 120;
		this.markdown = false;
		for (int attempt = 0; attempt < 20; attempt++) {
			String title = sentence(pick(templates), zh, topic, null);
			if (title.length() >= min && title.length() <= max) {
				return title;
			}
		}
		// Unreachable with the templates above, which all fit the bounds with room to spare.
		return zh ? topic.zh() + "的问题求助，大家帮忙看看" : "Question about " + topic.enName() + " on HyperOS";
	}

	public String threadBody() {
		boolean zh = random.nextBoolean();
		Topic topic = pick(TOPICS);
		StringBuilder out = new StringBuilder(600);
		this.linked = false;
		this.markdown = true;
		problemParagraph(out, zh, topic, 2 + random.nextInt(3));
		int paragraphs = 1 + random.nextInt(6);
		for (int i = 1; i < paragraphs; i++) {
			out.append("\n\n");
			extraParagraph(out, zh, topic);
		}
		return out.toString();
	}

	public String replyBody() {
		boolean zh = random.nextBoolean();
		Topic topic = pick(TOPICS);
		StringBuilder out = new StringBuilder(400);
		this.linked = false;
		this.markdown = true;
		double shape = random.nextDouble();
		if (shape < 0.15) {
			append(out, pick(zh ? ZH_ONE_LINERS : EN_ONE_LINERS), zh, topic, build());
		}
		else if (shape < 0.95) {
			if (random.nextInt(5) == 0) {
				out.append("> ");
				append(out, pick(zh ? ZH_PROBLEM : EN_PROBLEM), zh, topic, null);
				out.append("\n\n");
			}
			int sentences = zh ? 5 + random.nextInt(4) : 2 + random.nextInt(3);
			String build = build();
			int detailAt = random.nextInt(sentences + 1);
			for (int i = 0; i <= sentences; i++) {
				space(out, zh);
				if (i == detailAt) {
					append(out, pick(zh ? ZH_DETAIL : EN_DETAIL), zh, topic, build);
				}
				else {
					append(out, pick(random.nextBoolean() ? (zh ? ZH_ADVICE : EN_ADVICE) : (zh ? ZH_CONTEXT : EN_CONTEXT)),
							zh, topic, null);
				}
			}
			if (random.nextInt(7) == 0) {
				out.append("\n\n");
				extraParagraph(out, zh, topic);
			}
		}
		else {
			int target = 1_500 + random.nextInt(2_200);
			problemParagraph(out, zh, topic, 3 + random.nextInt(3));
			StringBuilder paragraph = new StringBuilder(600);
			while (out.length() < target) {
				paragraph.setLength(0);
				if (random.nextBoolean()) {
					extraParagraph(paragraph, zh, topic);
				}
				else {
					contextParagraph(paragraph, zh, topic, 3 + random.nextInt(4));
				}
				if (out.length() >= 1_500 && out.length() + paragraph.length() > 4_000) {
					break;
				}
				out.append("\n\n").append(paragraph);
			}
		}
		return out.toString();
	}

	public String petitionTitle() {
		boolean zh = random.nextBoolean();
		Topic topic = pick(TOPICS);
		String[] feature = pick(FEATURES);
		String[] templates = zh ? ZH_PETITION_TITLES : EN_PETITION_TITLES;
		this.markdown = false;
		for (int attempt = 0; attempt < 20; attempt++) {
			String title = sentence(pick(templates).replace("{x}", feature[zh ? 1 : 0]), zh, topic, null);
			if (title.length() >= 10 && title.length() <= 140) {
				return title;
			}
		}
		return zh ? "希望加入" + feature[1] + "的功能" : "Add " + feature[0];
	}

	public String petitionBody() {
		boolean zh = random.nextBoolean();
		Topic topic = pick(TOPICS);
		String[] feature = pick(FEATURES);
		StringBuilder out = new StringBuilder(600);
		this.linked = false;
		this.markdown = true;
		if (zh) {
			out.append("希望加入").append(emphasis(feature[1])).append('。');
		}
		else {
			out.append("Please add ").append(emphasis(feature[0])).append('.');
		}
		space(out, zh);
		append(out, pick(zh ? ZH_PETITION_WHY : EN_PETITION_WHY), zh, topic, null);
		space(out, zh);
		append(out, pick(zh ? ZH_DETAIL : EN_DETAIL), zh, topic, build());
		int paragraphs = 1 + random.nextInt(4);
		for (int i = 1; i < paragraphs; i++) {
			out.append("\n\n");
			switch (random.nextInt(4)) {
				case 0 -> list(out, zh, zh ? "建议的做法：" : "How it could work:", zh ? ZH_PETITION_STEPS : EN_PETITION_STEPS,
						true, topic);
				case 1 -> {
					append(out, pick(zh ? ZH_PETITION_WHY : EN_PETITION_WHY), zh, topic, null);
					space(out, zh);
					append(out, pick(zh ? ZH_PETITION_WHY : EN_PETITION_WHY), zh, topic, null);
				}
				case 2 -> {
					out.append("> ");
					append(out, pick(zh ? ZH_PROBLEM : EN_PROBLEM), zh, topic, null);
					out.append("\n\n");
					out.append(zh ? "这就是为什么需要这个功能。" : "That is why this is needed.");
				}
				default -> {
					if (this.linked || !links || random.nextBoolean()) {
						append(out, pick(zh ? ZH_PETITION_WHY : EN_PETITION_WHY), zh, topic, null);
					}
					else {
						link(out, zh);
					}
				}
			}
		}
		return out.toString();
	}

	/** Queries of one to three words that the English texts hold, such as "dark mode" or "battery update". */
	public List<String> englishQueries(int count) {
		List<String> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String query = pick(TOPICS).enQuery();
			String second = pick(EN_QUERY_WORDS);
			if (random.nextInt(5) < 2 && query.indexOf(' ') < 0 && !query.equals(second)) {
				query = query + " " + second;
			}
			queries.add(query);
		}
		return queries;
	}

	/**
	 * Queries of two to six Chinese characters that the Chinese texts hold: one term, or two separated by a
	 * space as members type them.
	 */
	public List<String> chineseQueries(int count) {
		List<String> queries = new ArrayList<>(count);
		while (queries.size() < count) {
			String term = pick(TOPICS).zh();
			if (!isChinese(term)) {
				continue;
			}
			if (random.nextBoolean()) {
				String second = pick(ZH_QUERY_TERMS);
				if (term.length() + second.length() <= 6) {
					term = term + " " + second;
				}
			}
			queries.add(term);
		}
		return queries;
	}

	/** Whether the text holds a Chinese character. */
	public static boolean chinese(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
				return true;
			}
		}
		return false;
	}

	private static boolean isChinese(String term) {
		for (int i = 0; i < term.length(); i++) {
			if (Character.UnicodeScript.of(term.charAt(i)) != Character.UnicodeScript.HAN) {
				return false;
			}
		}
		return true;
	}

	private void problemParagraph(StringBuilder out, boolean zh, Topic topic, int sentences) {
		append(out, pick(zh ? ZH_PROBLEM : EN_PROBLEM), zh, topic, null);
		String build = build();
		int detailAt = random.nextInt(sentences);
		for (int i = 0; i < sentences; i++) {
			space(out, zh);
			if (i == detailAt) {
				append(out, pick(zh ? ZH_DETAIL : EN_DETAIL), zh, topic, build);
			}
			else {
				append(out, pick(zh ? ZH_CONTEXT : EN_CONTEXT), zh, topic, null);
			}
		}
	}

	private void contextParagraph(StringBuilder out, boolean zh, Topic topic, int sentences) {
		for (int i = 0; i < sentences; i++) {
			if (i > 0) {
				space(out, zh);
			}
			append(out, pick(random.nextInt(3) == 0 ? (zh ? ZH_ADVICE : EN_ADVICE) : (zh ? ZH_CONTEXT : EN_CONTEXT)), zh,
					topic, null);
		}
	}

	private void extraParagraph(StringBuilder out, boolean zh, Topic topic) {
		if (links && !this.linked && random.nextInt(20) == 0) {
			link(out, zh);
			return;
		}
		switch (random.nextInt(6)) {
			case 0 -> list(out, zh, zh ? "试过的方法：" : "Things I tried:", zh ? ZH_FIXES : EN_FIXES, false, topic);
			case 1 -> steps(out, zh);
			case 2 -> codeBlock(out, zh);
			case 3 -> {
				out.append("> ");
				append(out, pick(zh ? ZH_PROBLEM : EN_PROBLEM), zh, topic, null);
				out.append("\n\n");
				append(out, pick(zh ? ZH_ADVICE : EN_ADVICE), zh, topic, null);
			}
			default -> contextParagraph(out, zh, topic, 2 + random.nextInt(3));
		}
	}

	private void list(StringBuilder out, boolean zh, String heading, String[] items, boolean numbered, Topic topic) {
		out.append(heading).append("\n\n");
		int count = 2 + random.nextInt(3);
		int first = random.nextInt(items.length);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				out.append('\n');
			}
			out.append(numbered ? (i + 1) + ". " : "- ");
			int start = out.length();
			fill(out, items[(first + i) % items.length], zh, topic, null);
			if (!zh) {
				capitalize(out, start);
			}
		}
	}

	private void steps(StringBuilder out, boolean zh) {
		String app = pick(zh ? ZH_APPS : EN_APPS);
		int minutes = 5 + random.nextInt(55);
		if (zh) {
			out.append("复现步骤：\n\n1. 打开").append(app).append("\n2. 锁屏等").append(minutes)
				.append("分钟\n3. 解锁后看通知栏，消息都没到");
		}
		else {
			out.append("Steps to reproduce:\n\n1. Open ").append(app).append("\n2. Lock the screen and wait ")
				.append(minutes).append(" minutes\n3. Unlock: the messages only arrive *now*");
		}
	}

	private void codeBlock(StringBuilder out, boolean zh) {
		if (random.nextInt(3) == 0) {
			out.append(zh ? "我用的命令：" : "What I ran:").append("\n\n```\nadb shell settings put global ")
				.append(pick(new String[] { "low_power", "wifi_sleep_policy", "adaptive_battery_management_enabled" }))
				.append(' ').append(random.nextInt(3)).append("\n```");
			return;
		}
		out.append(zh ? "日志片段：" : "Log excerpt:").append("\n\n```\n");
		int lines = 2 + random.nextInt(4);
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(28);
		int hour = random.nextInt(24);
		int minute = random.nextInt(60);
		int second = random.nextInt(21);
		int pid = 1_000 + random.nextInt(9_000);
		for (int i = 0; i < lines; i++) {
			two(out, month).append('-');
			two(out, day).append(' ');
			two(out, hour).append(':');
			two(out, minute).append(':');
			second += random.nextInt(8);
			two(out, second).append('.').append(100 + random.nextInt(900)).append("  ").append(pid)
				.append("  ").append(pid + 1 + random.nextInt(50)).append(' ').append("WIDE".charAt(random.nextInt(4)))
				.append(' ').append(pick(LOG_TAGS)).append(": wakelock held by ").append(pick(PACKAGES))
				.append(" for ").append(100 + random.nextInt(20_000)).append(" ms\n");
		}
		out.append("```");
	}

	private void link(StringBuilder out, boolean zh) {
		this.linked = true;
		out.append(zh ? "详细说明见 " : "More details: ").append("https://example.com/").append(pick(LINK_PATHS))
			.append(10_000 + random.nextInt(90_000));
	}

	private static StringBuilder two(StringBuilder out, int value) {
		return (value < 10) ? out.append('0').append(value) : out.append(value);
	}

	private String emphasis(String text) {
		if (!this.markdown) {
			return text;
		}
		return switch (random.nextInt(6)) {
			case 0 -> "**" + text + "**";
			case 1 -> "*" + text + "*";
			default -> text;
		};
	}

	/**
	 * The build an author runs, such as {@code OS2.0.106.0.VNCCNXM}: the count of bodies so far, permuted
	 * so that neighbours look unrelated, written as major version, minor version, device and region.
	 */
	private String build() {
		long index = Math.floorMod(this.bodies++ * BUILD_STRIDE + this.buildOffset, BUILDS);
		int region = (int) (index % 8);
		index /= 8;
		int device = (int) (index % 40);
		index /= 40;
		int minor = 1 + (int) (index % 700);
		int major = (int) (index / 700);
		StringBuilder build = new StringBuilder(24);
		build.append((major == 0) ? "V14" : "OS" + major).append(".0.").append(minor).append(".0.")
			.append("TUVW".charAt(major)).append("LMNOP".charAt(device / 8)).append("ABCDEFGH".charAt(device % 8))
			.append(REGIONS[region]).append("XM");
		return build.toString();
	}

	private String sentence(String template, boolean zh, Topic topic, String build) {
		StringBuilder out = new StringBuilder(80);
		append(out, template, zh, topic, build);
		return out.toString();
	}

	/** Fills in the template and, in English, starts the sentence with a capital letter. */
	private void append(StringBuilder out, String template, boolean zh, Topic topic, String build) {
		int start = out.length();
		fill(out, template, zh, topic, build);
		if (!zh) {
			capitalize(out, start);
		}
	}

	private static void capitalize(StringBuilder out, int at) {
		char first = out.charAt(at);
		if (first >= 'a' && first <= 'z') {
			out.setCharAt(at, (char) (first - 'a' + 'A'));
		}
	}

	private static void space(StringBuilder out, boolean zh) {
		if (!zh && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
			out.append(' ');
		}
	}

	private void fill(StringBuilder out, String template, boolean zh, Topic topic, String build) {
		int length = template.length();
		int from = 0;
		for (int i = template.indexOf('{'); i >= 0 && i + 2 < length; i = template.indexOf('{', from)) {
			// Copies the text up to the slot at once rather than a character at a time, which takes longer.
			out.append(template, from, i);
			char slot = template.charAt(i + 1);
			from = i + 3;
			switch (slot) {
				case 'm' -> out.append(pick(zh ? ZH_MODELS : EN_MODELS));
				case 'S' -> out.append(zh ? topic.zh() : topic.enSubject());
				case 's' -> fill(out, pick(zh ? topic.zhSymptoms() : topic.enSymptoms()), zh, topic, build);
				case 'n' -> out.append(emphasis(zh ? topic.zh() : topic.enName()));
				case 'v' -> version(out, zh);
				case 'p' -> out.append(5 + random.nextInt(91));
				case 'h' -> out.append(2 + random.nextInt(9)).append('.').append(random.nextInt(10));
				case 'c' -> two(two(out, random.nextInt(24)).append(':'), random.nextInt(60));
				case 'd' -> out.append(2 + random.nextInt(40));
				case 'a' -> out.append(pick(zh ? ZH_APPS : EN_APPS));
				case 'f' -> fill(out, pick(zh ? ZH_FIXES : EN_FIXES), zh, topic, build);
				case 'k' -> {
					String setting = pick(zh ? ZH_SETTINGS : EN_SETTINGS);
					if (this.markdown && random.nextInt(3) == 0) {
						out.append('`').append(setting).append('`');
					}
					else {
						out.append(setting);
					}
				}
				case 'B' -> out.append(build);
				default -> throw new IllegalArgumentException("No slot {" + slot + "} in " + template);
			}
		}
		out.append(template, from, length);
	}

	private void version(StringBuilder out, boolean zh) {
		int kind = random.nextInt(5);
		if (kind == 0) {
			out.append("MIUI 14");
			return;
		}
		out.append(zh ? "澎湃OS " : "HyperOS ").append(kind < 3 ? '2' : '1').append(".0.")
			.append(1 + random.nextInt(250));
	}

	private <T> T pick(T[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	/**
	 * A subject of complaints.
	 *
	 * @param enQuery what an English search for the topic types, found in its name and subject
	 * @param enName the topic inside an English sentence
	 * @param enSubject the topic as the subject of its symptoms
	 * @param enSymptoms what goes wrong, following the subject
	 * @param zh the topic in Chinese, as name, subject and search term
	 * @param zhSymptoms what goes wrong, following the Chinese subject
	 */
	private record Topic(String enQuery, String enName, String enSubject, String[] enSymptoms, String zh,
			String[] zhSymptoms) {
	}

}
