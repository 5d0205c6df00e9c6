package com.forum.reputation;

import java.util.Locale;

/** What members may do only so often a day. */
public enum Quota {

	THREADS, REPLIES, VOTES, LIKES, FLAGS;

	/** As the API and message keys spell it: {@code threads}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
