package com.forum.search;

import java.util.Locale;

/** How recent results must be, counted back from now. */
public enum TimeRange {

	DAY("now-1d"), WEEK("now-7d"), MONTH("now-1M"), YEAR("now-1y");

	private final String since;

	TimeRange(String since) {
		this.since = since;
	}

	/** The earliest creation time accepted, in Elasticsearch date math. */
	String since() {
		return since;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
