package com.forum.web.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.web.ApiClient;
import com.forum.web.Outbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the limit tests: its own cookies (a browser), the address it connects from, and what it
 * puts in {@code X-Forwarded-For} (true when it connects from the trusted proxy, forged otherwise).
 */
final class Client {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private String forwardedFor;

	private String language = "en";

	private Client(int port, InetAddress local) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(60));
		if (local != null) {
			builder.localAddress(local);
		}
		this.http = builder.build();
		this.base = "http://127.0.0.1:" + port;
	}

	/** A client behind the trusted proxy, at this address. */
	static Client at(int port, String address) {
		return new Client(port, null).forwardedFor(address);
	}

	/** A client connecting from 127.0.0.2, which no configuration trusts. */
	static Client untrusted(int port) {
		try {
			return new Client(port, InetAddress.getByName("127.0.0.2"));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Client forwardedFor(String header) {
		this.forwardedFor = header;
		return this;
	}

	Client speaking(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	Answer post(String path, Object body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** Posts JSON without a declared length (chunked), as a client streaming its body does. */
	Answer postStreamed(String path, String json, String token) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes))));
	}

	Answer put(String path, Object body, String token) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Answer delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	Answer get(String path, String token) {
		return send(request(path, token).GET());
	}

	Answer form(String path, Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(enc(name)).append('=').append(enc(value)));
		return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
			.setHeader("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	Answer page(String path) {
		return send(request(path, null).setHeader("Accept", "text/html").GET());
	}

	/** The CSRF token of this client's session, from a page with a form. */
	String csrf() {
		Answer login = page("/login");
		// a signed-in member is sent on from the sign-in page; a thread form has the token as well
		Matcher matcher = CSRF.matcher(login.status() == 200 ? login.body() : page("/boards/hyperos/new").body());
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF field on the page");
		}
		return matcher.group(1);
	}

	/** Signs in on the page; where the form sends the browser tells how it went. */
	String signInOnPage(String username, String password) {
		return form("/login", Map.of("username", username, "password", password, "_csrf", csrf())).location();
	}

	/** Signs up as a program does: the answer is 202 whatever happens to the address (see the accounts). */
	Answer register(String username, String password) {
		return post("/api/v1/members", Map.of("username", username, "email", ApiClient.email(username), "password",
				password), null);
	}

	/** Follows the link mailed to a member who registered: until then they may sign in but not post. */
	void confirm(String username) {
		String link = Outbox.latestLink(ApiClient.email(username), "/account/confirm?token=");
		Answer confirmed = post("/api/v1/auth/email-confirmations", Map.of("token", Outbox.token(link)), null);
		if (confirmed.status() != 204) {
			throw new IllegalStateException("Confirmation failed: " + confirmed);
		}
	}

	Answer token(String username, String password) {
		return post("/api/v1/auth/tokens", Map.of("username", username, "password", password), null);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json, application/problem+json")
			.header("Accept-Language", language);
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Answer(int status, String retryAfter, String location, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String type() {
			return json().get("type").asString();
		}
	}
}
