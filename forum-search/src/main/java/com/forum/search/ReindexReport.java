package com.forum.search;

import java.time.Duration;

/** What a rebuild of the search indexes did: the new index behind each alias and what went into it. */
public record ReindexReport(String postsIndex, long topics, long replies, String petitionsIndex, long petitions,
		Duration took, String membersIndex, long members) {
}
