package com.forum.web.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself, against a tiny server that echoes what the browser sends: each journey's
 * language reaches the server as {@code Accept-Language}, each journey starts without cookies,
 * screenshots have the phone and desktop widths and the page's full height, and a failure leaves a
 * screenshot and the page source behind.
 */
class JourneyHarnessTest {

	@RegisterExtension
	static final Journeys journeys = new Journeys();

	static HttpServer server;

	@BeforeAll
	static void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", JourneyHarnessTest::echo);
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void eachJourneySpeaksItsLanguageAndStartsWithoutCookies() {
		Journey english = journeys.start(port(), "harness", "en").open("/?set=1");
		assertThat(english.text("#language")).isEqualTo("en");
		assertThat(english.open("/").text("#cookie")).isEqualTo("visited=yes");

		Journey chinese = journeys.start(port(), "harness", "zh-CN").open("/");
		assertThat(chinese.text("#language")).isEqualTo("zh-CN,zh;q=0.9");
		assertThat(chinese.text("#cookie")).isEqualTo("none");
		assertThat(chinese.script("return navigator.language")).isEqualTo("zh-CN");
	}

	@Test
	void screenshotsTakeTheWholePageAtPhoneAndDesktopWidths() throws IOException {
		Journey j = journeys.start(port(), "harness", "en").open("/?tall=1");
		for (int width : Journey.WIDTHS) {
			byte[] png = j.capture(width);
			assertThat(png).startsWith(0x89, 'P', 'N', 'G');
			assertThat(pngSize(png)[0]).isEqualTo(width);
			assertThat(pngSize(png)[1]).as("the whole page, not the window").isGreaterThan(3000);
		}
		j.saveFailure();
		Path failures = BrowserRun.OUTPUT.resolve("failures");
		for (String file : new String[] { "harness-en.html", "harness-en.png", "harness-en-page.png" }) {
			assertThat(failures.resolve(file)).isNotEmptyFile();
			Files.delete(failures.resolve(file));
		}
	}

	private static int port() {
		return server.getAddress().getPort();
	}

	private static int[] pngSize(byte[] png) {
		return new int[] { readInt(png, 16), readInt(png, 20) };
	}

	private static int readInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
				| (bytes[at + 3] & 0xff);
	}

	/** A page that says which language and cookies it was asked with, in the first language asked for. */
	private static void echo(HttpExchange exchange) throws IOException {
		String language = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Language")).orElse("");
		String cookie = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Cookie")).orElse("none");
		String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
		String tall = query.contains("tall") ? "<div style='height:3000px'>tall</div>" : "";
		String body = "<!DOCTYPE html><html lang='" + language.split("[,;]")[0] + "'><head><meta name='viewport' "
				+ "content='width=device-width'><style>body{margin:0}</style></head><body>" + tall
				+ "<p id='language'>" + language + "</p><p id='cookie'>" + cookie + "</p></body></html>";
		if (query.contains("set")) {
			exchange.getResponseHeaders().add("Set-Cookie", "visited=yes; Path=/");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
