package com.forum.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running application over real HTTP, as a program using the API would. */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public String base() {
		return base;
	}

	public Response get(String path, String token) {
		return send("GET", path, null, token, "application/json");
	}

	/** Reads as a program that asks for a language does ({@code Accept-Language: zh-CN}). */
	public Response get(String path, String token, String acceptLanguage) {
		return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null, token, "application/json",
				Map.of("Accept-Language", acceptLanguage));
	}

	public Response post(String path, Object body, String token) {
		return send("POST", path, body, token, "application/json");
	}

	public Response put(String path, Object body, String token) {
		return send("PUT", path, body, token, "application/json");
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, null, token, "application/json");
	}

	/** Posts JSON with headers of its own, such as an {@code Idempotency-Key}. */
	public Response post(String path, Object body, String token, Map<String, String> headers) {
		return exchange("POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
				"application/json", token, "application/json", headers);
	}

	/** Sends a raw body as is, for malformed-input tests. */
	public Response sendRaw(String method, String path, String rawBody, String contentType, String token) {
		return exchange(method, path,
				rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody),
				contentType, token, "application/json, application/problem+json");
	}

	public Response head(String path, String token) {
		return exchange("HEAD", path, HttpRequest.BodyPublishers.noBody(), null, token, "application/json");
	}

	/** Sends a body byte for byte, for input that is not even valid UTF-8. */
	public Response sendBytes(String method, String path, byte[] body, String contentType, String token) {
		return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, token,
				"application/json, application/problem+json");
	}

	/** Fetches a file such as an export, accepting whatever type the server sends. */
	public Response download(String path, String token) {
		return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null, token, "*/*");
	}

	private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
			String token, String accept) {
		return exchange(method, path, body, contentType, token, accept, Map.of());
	}

	private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType,
			String token, String accept, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", accept)
			.method(method, body);
		headers.forEach(request::header);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Starts a thread on the board with this slug, as {@code author}, and returns its id. */
	public long startThread(Member author, String board, String title, String body) {
		long boardId = get("/api/v1/boards/" + board, null).json().get("id").asLong();
		Response created = post("/api/v1/threads", Map.of("boardId", boardId, "title", title, "body", body),
				author.token());
		if (created.status() != 201) {
			throw new IllegalStateException("thread not started: " + created.status() + " " + created.body());
		}
		return created.json().get("id").asLong();
	}

	public String page(String path) {
		return send("GET", path, null, null, "text/html").body();
	}

	private Response send(String method, String path, Object body, String token, String accept) {
		String raw = body == null ? null : JSON.writeValueAsString(body);
		return sendRaw(method, path, raw, body == null ? null : "application/json", token);
	}

	/**
	 * Registers a member with a unique name, confirms their address through the link mailed to it (read
	 * from the outbox), and returns its bearer token.
	 */
	public Member newMember(String prefix) {
		Member member = newUnconfirmedMember(prefix);
		confirm(member);
		return member;
	}

	/** Registers a member who has not followed the link mailed to them yet: they sign in but cannot post. */
	public Member newUnconfirmedMember(String prefix) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "pw-" + UUID.randomUUID();
		Response registered = post("/api/v1/members",
				Map.of("username", username, "email", email(username), "password", password), null);
		if (registered.status() != 202) {
			throw new IllegalStateException("Registration failed: " + registered);
		}
		return new Member(username, password, token(username, password));
	}

	/** Follows the confirmation link mailed to a member who registered through {@link #newUnconfirmedMember}. */
	public void confirm(Member member) {
		String link = Outbox.latestLink(email(member.username()), "/account/confirm?token=");
		Response confirmed = post("/api/v1/auth/email-confirmations", Map.of("token", Outbox.token(link)), null);
		if (confirmed.status() != 204) {
			throw new IllegalStateException("Confirmation failed: " + confirmed);
		}
	}

	/** The address {@link #newMember} registers a member with. */
	public static String email(String username) {
		return username.toLowerCase() + "@test.example";
	}

	public String token(String username, String password) {
		Response token = post("/api/v1/auth/tokens", Map.of("username", username, "password", password), null);
		if (token.status() != 201) {
			throw new IllegalStateException("Token exchange failed: " + token);
		}
		return token.json().get("token").asString();
	}

	public record Member(String username, String password, String token) {
	}

	public record Response(int status, String contentType, String retryAfter, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}
	}
}
