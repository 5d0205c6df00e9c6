package com.forum.web.images;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.forum.shared.ContentProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy's fetcher against a real HTTP server. The server is on loopback, which the proxy
 * refuses, so these tests allow loopback and nothing else that is not public; what they check is
 * that only allowed images within the limits pass, and that no redirect reaches an internal address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageFetcherTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	final AtomicInteger requests = new AtomicInteger();

	HttpServer server;

	String base;

	ImageFetcher fetcher;

	ContentProperties.Images limits = new ContentProperties.Images(ContentProperties.ImageMode.PROXY, "/image-proxy",
			DataSize.ofKilobytes(64), Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(2), 2,
			List.of("image/png", "image/jpeg", "image/gif", "image/webp"), DataSize.ofMegabytes(1), Duration.ofMinutes(1));

	@BeforeAll
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/a.png", exchange -> answer(exchange, 200, "image/png", PNG));
		server.createContext("/png-as-jpeg", exchange -> answer(exchange, 200, "image/jpeg", PNG));
		server.createContext("/page", exchange -> answer(exchange, 200, "text/html", "<html>".getBytes()));
		server.createContext("/html-as-png", exchange -> answer(exchange, 200, "image/png", "<html>hi".getBytes()));
		server.createContext("/x.svg", exchange -> answer(exchange, 200, "image/svg+xml",
				"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes()));
		server.createContext("/huge.png", exchange -> {
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, 0); // chunked, no length announced
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(PNG);
				byte[] filler = new byte[8192];
				for (int i = 0; i < 64; i++) {
					out.write(filler);
				}
			}
			catch (IOException ignored) {
				// the fetcher hung up, as it should
			}
		});
		server.createContext("/slow.png", exchange -> {
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 50; i++) {
					out.write(PNG);
					out.flush();
					Thread.sleep(300);
				}
			}
			catch (IOException | InterruptedException ignored) {
				// the fetcher gave up, as it should
			}
		});
		server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
		server.createContext("/to-private", exchange -> redirect(exchange, "http://10.0.0.1/a.png"));
		server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
		server.createContext("/to-image", exchange -> redirect(exchange, "/a.png"));
		server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		fetcher = new ImageFetcher(limits, address -> address.isLoopbackAddress() || PublicAddresses.isPublic(address));
	}

	@AfterAll
	void stop() throws Exception {
		fetcher.close();
		server.stop(0);
	}

	@Test
	void passesAnImageOnWithTheTypeItsBytesShow() throws Exception {
		assertThat(fetcher.fetch(base + "/a.png").type()).isEqualTo("image/png");
		assertThat(fetcher.fetch(base + "/png-as-jpeg").type()).isEqualTo("image/png");
		assertThat(fetcher.fetch(base + "/to-image").bytes()).isEqualTo(PNG);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/page", "/html-as-png", "/x.svg", "/huge.png", "/slow.png", "/to-metadata", "/to-private",
			"/to-file", "/loop", "/missing" })
	void refusesWhatIsNotAnAllowedImageWithinTheLimits(String path) {
		long started = System.nanoTime();

		assertThatThrownBy(() -> fetcher.fetch(base + path)).isInstanceOf(ImageFetcher.RefusedImage.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.png",
			"http://192.168.0.1/a.png", "http://[fd00::1]/a.png", "http://[::ffff:10.0.0.1]/a.png",
			"ftp://127.0.0.1/a.png", "http://user:pw@127.0.0.1/a.png", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO" })
	void neverConnectsToAnInternalAddressOrAnotherScheme(String address) {
		assertThatThrownBy(() -> fetcher.fetch(address)).isInstanceOf(ImageFetcher.RefusedImage.class);
	}

	@Test
	void withTheRealRuleEvenLoopbackIsRefusedBeforeAnyRequest() throws Exception {
		int before = requests.get();
		try (ImageFetcher strict = new ImageFetcher(limits)) {
			for (String host : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f.1", "127.1")) {
				assertThatThrownBy(() -> strict.fetch("http://" + host + ":" + server.getAddress().getPort() + "/a.png"))
					.as(host)
					.isInstanceOf(ImageFetcher.RefusedImage.class);
			}
		}
		assertThat(requests.get()).isEqualTo(before);
	}

	private void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		requests.incrementAndGet();
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void redirect(HttpExchange exchange, String location) throws IOException {
		requests.incrementAndGet();
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}
}
