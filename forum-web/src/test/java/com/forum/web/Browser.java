package com.forum.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.web.ApiClient.Member;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser talking to the running application: keeps its own cookies, so each is its own session. */
public class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	private final String base;

	private String acceptLanguage;

	public Browser(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Asks for pages in these languages from now on, as a browser set to them does: "zh-CN,zh;q=0.9". */
	public Browser speaking(String acceptLanguage) {
		this.acceptLanguage = acceptLanguage;
		return this;
	}

	public Browser signIn(Member member) {
		return signIn(member.username(), member.password());
	}

	public Browser signIn(String username, String password) {
		String login = get("/login").body();
		HttpResponse<String> signedIn = post("/login",
				"username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login)));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return this;
	}

	/** The value of one of the cookies this browser keeps, if it has it. */
	public Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** A CSRF token of this session, as a form on any page carries it. */
	public String csrf() {
		String home = get("/").body();
		return CSRF.matcher(home).find() ? csrf(home) : csrf(get("/login").body());
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).build());
	}

	public HttpResponse<String> head(String path) {
		return send(request(path).HEAD().build());
	}

	/** Sends a form already encoded as {@code application/x-www-form-urlencoded}. */
	public HttpResponse<String> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** Sends a body already encoded, such as a multipart form with a file. */
	public HttpResponse<String> post(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
		return acceptLanguage == null ? request : request.header("Accept-Language", acceptLanguage);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
		return matcher.group(1);
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
