package com.forum.web.images;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.web.ApiClient;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images of user content on the running app: readers' browsers load outside images from the app's
 * proxy only, the proxy never reaches an internal address, and no image can count a view.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageProxyIntegrationTest {

	private static final Pattern PROXIED = Pattern.compile("src=\"(/image-proxy[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	SeededMember poster;

	long board;

	HttpServer internal;

	final AtomicInteger internalRequests = new AtomicInteger();

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void setUp() throws Exception {
		api = new ApiClient(port);
		// moderators hold the links-and-images privilege
		poster = SeededMember.create(jdbc, "imager", "MODERATOR", "none");
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
		// an "internal service" the proxy must never reach
		internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		internal.createContext("/", exchange -> {
			internalRequests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, ImageFetcherTest.PNG.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(ImageFetcherTest.PNG);
			}
		});
		internal.start();
	}

	@AfterAll
	void tearDown() {
		internal.stop(0);
	}

	@Test
	void outsideImagesLoadThroughTheProxyWhichNeverReachesAnInternalAddress() throws Exception {
		int internalPort = internal.getAddress().getPort();
		String html = startThread("![metadata](http://169.254.169.254/latest/meta-data/) "
				+ "![internal](http://127.0.0.1:" + internalPort + "/secret.png) "
				+ "![named](http://localhost:" + internalPort + "/secret.png)");

		assertThat(html).doesNotContain("169.254").doesNotContain("127.0.0.1").doesNotContain("localhost");
		Matcher proxied = PROXIED.matcher(html);
		int images = 0;
		while (proxied.find()) {
			images++;
			HttpResponse<byte[]> image = fetch(org.jsoup.parser.Parser.unescapeEntities(proxied.group(1), true), Map.of());
			assertThat(image.statusCode()).isEqualTo(404);
		}
		assertThat(images).isEqualTo(3);
		assertThat(internalRequests.get()).isZero();
	}

	@Test
	void theProxyFetchesOnlyWhatTheAppSigned() throws Exception {
		String html = startThread("![shot](https://img.example/a.png)");
		Matcher proxied = PROXIED.matcher(html);
		assertThat(proxied.find()).isTrue();
		String link = org.jsoup.parser.Parser.unescapeEntities(proxied.group(1), true);
		String forged = link.replaceFirst("u=[^&]+", "u=" + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("http://127.0.0.1:" + internal.getAddress().getPort() + "/").getBytes()));

		assertThat(fetch(forged, Map.of()).statusCode()).isEqualTo(404);
		assertThat(fetch(link.replaceFirst("s=[^&]+", "s=AAAAAAAAAAAAAAAAAAAAAA"), Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(fetch("/image-proxy", Map.of()).statusCode()).isEqualTo(400);
		assertThat(internalRequests.get()).isZero();
	}

	@Test
	void imagesPointingAtTheAppShowAsTheirTextAndCountNoView() throws Exception {
		long target = api.post("/api/v1/threads", Map.of("boardId", board, "title", "A thread to inflate",
				"body", "nothing"), poster.token()).json().get("id").asLong();
		String html = startThread("![count me](/threads/" + target + ") ![and me](threads/" + target + ")");

		assertThat(html).contains("count me").doesNotContain("<img").doesNotContain("/threads/" + target);

		// a browser asking for an image, a frame or a prefetch at a thread's address is no reader
		for (Map<String, String> headers : java.util.List.of(Map.of("Sec-Fetch-Dest", "image", "Sec-Fetch-Mode", "no-cors"),
				Map.of("Sec-Fetch-Dest", "iframe", "Sec-Fetch-Mode", "navigate"),
				Map.of("Sec-Fetch-Dest", "empty", "Sec-Fetch-Mode", "cors"),
				Map.of("Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate", "Sec-Purpose", "prefetch"))) {
			assertThat(fetch("/threads/" + target, headers).statusCode()).isEqualTo(200);
		}
		// a reader opening the page counts
		fetch("/threads/" + target, Map.of("Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate"));

		Await.until(Duration.ofSeconds(10),
				() -> jdbc.queryForObject("select view_count from topic where id = ?", Long.class, target) >= 1);
		Thread.sleep(500);
		assertThat(api.get("/api/v1/threads/" + target, null).json().get("viewCount").asLong()).isEqualTo(1);
	}

	@Test
	void pagesLetImagesLoadFromTheAppAlone() throws Exception {
		String policy = fetch("/", Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();

		assertThat(policy).contains("img-src 'self' data:;").doesNotContain("https:");
	}

	private String startThread(String body) {
		var created = api.post("/api/v1/threads",
				Map.of("boardId", board, "title", "Images " + System.nanoTime(), "body", body), poster.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("bodyHtml").asString();
	}

	private HttpResponse<byte[]> fetch(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
