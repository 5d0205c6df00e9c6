package com.forum.search;

import java.util.Locale;

public enum SearchSort {

	RELEVANCE, NEWEST, VOTES;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
