package com.forum.web.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's way through the site in the shared browser, in one language: fresh cookies, the
 * browser's {@code Accept-Language} set to that language, and helpers that find elements by ids,
 * names, form actions, links and classes (never by English words, so the same journey runs in every
 * language). Every wait is a {@link WebDriverWait}.
 */
public final class Journey {

	/** Phone and desktop: every screenshot is taken at both widths, the whole page high. */
	static final List<Integer> WIDTHS = List.of(375, 1280);

	private static final int DESKTOP_HEIGHT = 900;

	private static final int MAX_SCREENSHOT_HEIGHT = 8000;

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final BrowserRun run;

	private final ChromeDriver driver;

	private final String base;

	private final String name;

	private final String language;

	private final WebDriverWait wait;

	private long lastStep = System.nanoTime();

	/** The language every page must declare in {@code <html lang>}: the browser's, until switched. */
	private String expectedLanguage;

	Journey(BrowserRun run, ChromeDriver driver, String base, String name, String language) {
		this.run = run;
		this.driver = driver;
		this.base = base;
		this.name = name;
		this.language = language;
		this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50));
		this.expectedLanguage = language;
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, DESKTOP_HEIGHT));
		speak(language);
		freshSession();
	}

	public String name() {
		return name;
	}

	/** "en" or "zh-CN". */
	public String language() {
		return language;
	}

	public boolean chinese() {
		return language.startsWith("zh");
	}

	/** The first text in English journeys, the second in Chinese ones: for content the journey types. */
	public String say(String english, String chinese) {
		return chinese() ? chinese : english;
	}

	/**
	 * Sets the browser's {@code Accept-Language}, as a person's browser settings would: CDP's user agent
	 * override changes the header of every request (pages, forms and scripts' fetches) and
	 * {@code navigator.languages}.
	 */
	public Journey speak(String languageTag) {
		String header = languageTag.startsWith("zh") ? languageTag + ",zh" : languageTag;
		driver.executeCdpCommand("Network.setUserAgentOverride",
				Map.of("userAgent", run.userAgent(), "acceptLanguage", header));
		return this;
	}

	/** From now on every page must say it is in this language ({@code <html lang>}). */
	public Journey expectLanguage(String languageTag) {
		this.expectedLanguage = languageTag;
		return this;
	}

	/** The language the pages are expected in now: the journey's, or the one switched to. */
	public String pageLanguage() {
		return expectedLanguage;
	}

	/** A text of the message bundles in the language the pages are in now. */
	public String message(String key, Object... arguments) {
		return Bundles.text(key, expectedLanguage, arguments);
	}

	/** Picks another language with the switch in the header, which brings the reader back to the page. */
	public Journey switchLanguage(String languageTag) {
		String before = path();
		WebElement button = find("form.lang-switch button[name='lang'][value='" + languageTag + "']");
		expectLanguage(languageTag);
		follow(button);
		assertThat(path()).as("back on the page the switch was used on").isEqualTo(before);
		assertThat(find("form.lang-switch button[value='" + languageTag + "']").getDomAttribute("aria-pressed"))
			.isEqualTo("true");
		return this;
	}

	/**
	 * Forgets every cookie: the next page is a newcomer's. The page on screen stays (leaving the site
	 * for a blank page would cost a new renderer process for the next one).
	 */
	public Journey freshSession() {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		return this;
	}

	/** Signs out by forgetting the session, and signs in as someone else through the form. */
	public Journey as(String username, String password) {
		freshSession();
		return signIn(username, password);
	}

	/**
	 * Signs in through the form, its fields filled in one step rather than key by key: ChromeDriver sends
	 * each key as events of its own, about 15 ms a character, and the journeys sign in about a hundred
	 * times. The account journeys type into the form as a person does.
	 */
	public Journey signIn(String username, String password) {
		open("/login");
		fill("#username", username);
		fill("#password", password);
		submit(form("/login"));
		assertThat(text(".account-nav .account-label")).as("signed in").isEqualTo(username);
		return this;
	}

	// ------------------------------------------------------------------ going places

	/**
	 * A CSS selector for the form that posts to this address, whatever fragment or query its action
	 * carries (e.g. {@code #errors}, where a form with mistakes comes back), with an optional part
	 * inside it, e.g. {@code form("/logout", " button")}.
	 */
	public static String form(String action, String inside) {
		return String.join(", ", "form[action='" + action + "']" + inside, "form[action^='" + action + "#']" + inside,
				"form[action^='" + action + "?']" + inside);
	}

	public static String form(String action) {
		return form(action, "");
	}


	public Journey open(String path) {
		driver.get(base + path);
		return arrived();
	}

	/** Clicks a link or button that loads another page, and waits for it. */
	public Journey click(String css) {
		return follow(find(css));
	}

	public Journey follow(WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		element.click();
		wait.until(d -> left(page));
		return arrived();
	}

	/** Sends a form with its main button (the first submit button without a name). */
	public Journey submit(String formCss) {
		WebElement form = find(formCss);
		WebElement button = form.findElements(By.cssSelector("button"))
			.stream()
			.filter(b -> !"button".equals(b.getDomAttribute("type")))
			.filter(b -> b.getDomAttribute("name") == null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no submit button in " + formCss));
		return follow(button);
	}

	/** Reloads the page until it shows what the journey waits for (a notification, an index update). */
	public Journey reloadUntil(String what, Predicate<Journey> shown) {
		new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(250)).withMessage(what)
			.until(d -> {
				d.navigate().refresh();
				arrived();
				return shown.test(this);
			});
		return this;
	}

	/**
	 * Whether the browser has left the page whose root element this is. Chromium reports an element of a
	 * page it has just replaced either as stale or, while the new document is being attached, with an
	 * inspector error that names the node; both mean the old page is gone, which Selenium's own
	 * staleness check does not know.
	 */
	private static boolean left(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException gone) {
			return true;
		}
		catch (WebDriverException error) {
			if (String.valueOf(error.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw error;
		}
	}

	private Journey arrived() {
		wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
		step("at " + path());
		if (expectedLanguage != null) {
			assertThat(driver.executeScript("return document.documentElement.lang"))
				.as("<html lang> of %s", path())
				.isEqualTo(expectedLanguage);
		}
		return this;
	}

	/** A line in the test output per step, with the time since the last one: where a journey spends it. */
	private void step(String what) {
		long now = System.nanoTime();
		System.out.printf("  %-8s %-6s %6d ms  %s%n", name, language, (now - lastStep) / 1_000_000, what);
		lastStep = now;
	}

	// ------------------------------------------------------------------ reading and typing

	public WebElement find(String css) {
		return wait.withMessage(() -> "no " + css + " on " + path())
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	public List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public boolean has(String css) {
		return !all(css).isEmpty();
	}

	public String text(String css) {
		return find(css).getText();
	}

	public <T> T until(String what, Function<WebDriver, T> condition) {
		return wait.withMessage(what).until(condition);
	}

	public Journey type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Leaves the application for an empty page, where no script of it runs on. */
	void leave() {
		try {
			driver.get("about:blank");
		}
		catch (WebDriverException ex) {
			// a browser that broke in the journey is reported by the journey's own failure
		}
	}

	/** Sets a field's value at once, with the input event typing would fire. */
	public Journey fill(String css, String text) {
		driver.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", find(css), text);
		return this;
	}

	/** Presses keys as a keyboard user would, into whatever has the focus. */
	public Journey keys(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
		return this;
	}

	/** Presses keys that load another page (Enter on a button or link), and waits for it. */
	public Journey keysAndLoad(CharSequence... keys) {
		WebElement page = driver.findElement(By.tagName("html"));
		keys(keys);
		wait.until(d -> left(page));
		return arrived();
	}

	/** The element that has the keyboard focus. */
	public WebElement focused() {
		return driver.switchTo().activeElement();
	}

	/** Whether the focused element shows that it has the focus: an outline or a ring, on screen. */
	public boolean focusIsVisible() {
		return Boolean.TRUE.equals(driver.executeScript("""
				var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
				var marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
				return marked && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;"""));
	}

	public Journey choose(String css, String value) {
		new Select(find(css)).selectByValue(value);
		return this;
	}

	public String path() {
		String url = driver.getCurrentUrl();
		return url == null || !url.startsWith("http") ? String.valueOf(url) : URI.create(url).getRawPath();
	}

	/** The address with its query, e.g. {@code /search?q=...}. */
	public URI address() {
		return URI.create(driver.getCurrentUrl());
	}

	/** The shared browser itself, for what the helpers here do not cover (CDP commands, asynchronous scripts). */
	ChromeDriver driver() {
		return driver;
	}

	public String source() {
		return driver.getPageSource();
	}

	public Object script(String script, Object... arguments) {
		return driver.executeScript(script, arguments);
	}

	// ------------------------------------------------------------------ evidence

	/** Checks the page with axe-core (once per page and language): no serious or critical violation. */
	public Journey axe(String page) {
		long start = System.nanoTime();
		try {
			run.axe().check(driver, page, language, path());
		}
		finally {
			run.checkedAccessibility(System.nanoTime() - start);
		}
		step("axe " + page);
		return this;
	}

	/**
	 * Saves the page at phone and desktop widths, the whole page high, as
	 * {@code target/browser/screenshots/<journey>/<language>-<width>-<step>.png}, in a run that takes
	 * screenshots ({@link BrowserRun#SCREENSHOTS}).
	 */
	public Journey screenshot(String step) {
		if (!BrowserRun.SCREENSHOTS) {
			return this;
		}
		long start = System.nanoTime();
		for (int width : WIDTHS) {
			BrowserRun.write(screenshots().resolve(language + "-" + width + "-" + step + ".png"), capture(width));
		}
		run.tookScreenshots(System.nanoTime() - start);
		step("screenshot " + step);
		return this;
	}

	private Path screenshots() {
		return BrowserRun.OUTPUT.resolve("screenshots").resolve(name);
	}

	/** The page as laid out at this width (a phone's when narrow), from the top to its full height. */
	byte[] capture(int width) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", width < 600 ? 812 : DESKTOP_HEIGHT, "deviceScaleFactor", 1,
						"mobile", width < 600));
		try {
			Number height = (Number) driver.executeScript(
					"return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0))");
			int clip = Math.max(1, Math.min(height.intValue(), MAX_SCREENSHOT_HEIGHT));
			Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "optimizeForSpeed", true, "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", width, "height", clip, "scale", 1)));
			return Base64.getDecoder().decode((String) shot.get("data"));
		}
		finally {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** After a failure: what the browser showed, and the page's source, under target/browser/failures/. */
	void saveFailure() {
		Path failures = BrowserRun.OUTPUT.resolve("failures");
		String file = name + "-" + language;
		try {
			BrowserRun.write(failures.resolve(file + ".html"),
					"<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), false);
			BrowserRun.write(failures.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
			BrowserRun.write(failures.resolve(file + "-page.png"), capture(1280));
			System.out.println("journey " + name + " (" + language + ") failed on " + driver.getCurrentUrl()
					+ "; screenshot and page source in " + failures);
		}
		catch (RuntimeException ex) {
			System.out.println("journey " + name + " (" + language + ") failed, and the browser could not be read: " + ex);
		}
	}
}
