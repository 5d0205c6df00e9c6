package com.forum.web.cache;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A rendered page as it was sent, with what it depends on.
 *
 * @param renderedAgainst the state of {@link PageVersions} before the page read anything
 * @param tags what the page shows ({@link PageTags})
 * @param onEveryServe what happens for each reader the page is served to (counting a view)
 */
record KeptPage(byte[] body, String contentType, Locale locale, PageVersions.Snapshot renderedAgainst,
		List<String> tags, Consumer<HttpServletRequest> onEveryServe) {

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
