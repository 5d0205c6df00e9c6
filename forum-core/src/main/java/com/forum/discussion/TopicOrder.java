package com.forum.discussion;

public enum TopicOrder {

	/** Most recent activity first; pinned threads stay on top. */
	LATEST,

	/** Engagement weighed against age; pinned threads stay on top. */
	HOT,

	/** Most recently started first. */
	NEWEST
}
