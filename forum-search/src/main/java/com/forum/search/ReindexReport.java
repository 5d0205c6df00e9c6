package com.forum.search;

import java.time.Duration;

/** What a rebuild of the posts index did. */
public record ReindexReport(String index, long topics, long replies, long caughtUp, Duration took) {
}
