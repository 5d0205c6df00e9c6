package com.forum.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the page controllers share. */
final class Pages {

	/** The highest page number accepted from an address; beyond it nothing exists anyway. */
	private static final int MAX_PAGE = 100_000;

	private Pages() {
	}

	/** The 0-based page index for a 1-based page number typed into an address; nonsense becomes page 1. */
	static int index(int page) {
		return Math.clamp(page, 1, MAX_PAGE) - 1;
	}

	/** A 1-based page number clamped to what exists. */
	static int number(int page) {
		return Math.clamp(page, 1, MAX_PAGE);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
