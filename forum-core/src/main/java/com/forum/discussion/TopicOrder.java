package com.forum.discussion;

public enum TopicOrder {

	/** Most recent activity first; pinned threads stay on top. */
	LATEST,

	/** Engagement weighed against age; pinned threads stay on top. */
	HOT,

	/** Most recently started first. */
	NEWEST,

	/**
	 * "Hot this week": the threads started within the hot-list window (seven days), by engagement
	 * weighed against age; pinning does not count here.
	 */
	WEEK,

	/** The featured threads (精华) alone, most recently featured first. */
	FEATURED
}
