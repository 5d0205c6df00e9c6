package com.forum.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium, headless, driven through the machine's ChromeDriver. Nothing is looked up
 * or downloaded: both programs are named explicitly ({@code FORUM_CHROMIUM} and
 * {@code FORUM_CHROMEDRIVER}, by default Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}), and a missing one fails the browser tests with what to install.
 */
final class Chromium implements AutoCloseable {

	static final String INSTALL_HINT = "On Debian or Ubuntu: apt-get install chromium chromium-driver fonts-noto-cjk "
			+ "(./forum test does it when run as root). Elsewhere install Chromium and the ChromeDriver of the same "
			+ "version, and set FORUM_CHROMIUM and FORUM_CHROMEDRIVER to the two programs.";

	/**
	 * Without the networking switches Chromium keeps calling home (updates, sync, QUIC probes), and
	 * the closed network here refuses those connections noisily or slowly. Without the back-forward
	 * cache and a new frame host per document, and with one renderer process per site, a page load
	 * costs about a third less processor time (measured here): journeys load a few hundred pages.
	 */
	private static final List<String> SWITCHES = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions",
			"--disable-default-apps",
			"--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,BackForwardCache,RenderDocument",
			"--process-per-site", "--password-store=basic", "--mute-audio", "--hide-scrollbars",
			"--force-device-scale-factor=1", "--window-size=1280,900");

	/**
	 * Selenium warns when its typed DevTools bindings do not match the browser's version; the journeys
	 * only send raw CDP commands through ChromeDriver, which work with any version.
	 */
	private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

	private final ChromeDriver driver;

	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Path program(String variable, String fallback) {
		String named = System.getenv(variable);
		if (named == null || named.isBlank()) {
			named = System.getProperty(variable, fallback);
		}
		return Path.of(named);
	}

	static Chromium start() {
		Path browser = program("FORUM_CHROMIUM", "/usr/bin/chromium");
		Path chromedriver = program("FORUM_CHROMEDRIVER", "/usr/bin/chromedriver");
		for (Path program : List.of(browser, chromedriver)) {
			if (!Files.isExecutable(program)) {
				throw new IllegalStateException("The browser tests need " + program + ", which is missing. "
						+ INSTALL_HINT);
			}
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("forum-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		DEVTOOLS_LOG.setLevel(Level.SEVERE);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.toFile());
		options.addArguments(SWITCHES);
		options.addArguments("--user-data-dir=" + profile);
		options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en",
				"credentials_enable_service", false, "profile.password_manager_enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.withSilent(true)
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
			return new Chromium(driver, profile);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw new IllegalStateException("Chromium " + browser + " did not start through " + chromedriver + ": "
					+ ex.getMessage() + "\n" + INSTALL_HINT, ex);
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			delete(profile);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is not worth failing a test run for
		}
	}
}
