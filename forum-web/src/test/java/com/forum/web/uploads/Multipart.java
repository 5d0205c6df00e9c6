package com.forum.web.uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built by hand, as a browser sends a form with a file field. */
final class Multipart {

	private final String boundary = "----forum-test-" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	Multipart field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	/** A file part; {@code declaredType} is what the browser claims, which the app must not believe. */
	Multipart file(String name, String fileName, String declaredType, byte[] bytes) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n");
		body.writeBytes(bytes);
		write("\r\n");
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	byte[] bytes() {
		ByteArrayOutputStream done = new ByteArrayOutputStream();
		done.writeBytes(body.toByteArray());
		done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return done.toByteArray();
	}

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** An API call with this body and a bearer token. */
	static HttpResponse<byte[]> send(HttpClient http, String base, String method, String path, Multipart form,
			String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json, application/problem+json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
			.header("Content-Type", form.contentType());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return exchange(http, request.build());
	}

	/** A GET of whatever the server answers, as bytes with its headers. */
	static HttpResponse<byte[]> get(HttpClient http, String base, String path) {
		return exchange(http, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*").build());
	}

	private static HttpResponse<byte[]> exchange(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
