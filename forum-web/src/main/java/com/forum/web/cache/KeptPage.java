package com.forum.web.cache;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A rendered page as it was sent, with what it depends on.
 *
 * @param renderedAgainst the state of {@link PageVersions} before the page read anything
 * @param tags what the page shows ({@link PageTags})
 * @param onEveryServe what happens for each reader the page is served to (counting a view)
 */
record KeptPage(byte[] body, String contentType, Locale locale, PageVersions.Snapshot renderedAgainst,
		List<String> tags, Consumer<HttpServletRequest> onEveryServe) {

	/**
	 * Whether the reader takes the page's type: a browser asking for HTML at a JSON address gets what the
	 * application answers it (406), not the JSON kept for programs.
	 */
	boolean acceptableTo(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.parseMediaTypes(accept).stream().anyMatch(accepted -> accepted.includes(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
		onEveryServe.accept(request);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setLocale(locale); // the Content-Language header; the type below names its own charset
		response.setContentType(contentType);
		response.setHeader(PageCache.HEADER, "hit");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
