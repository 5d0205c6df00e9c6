package com.forum.petition;

import java.time.Instant;

public record ReleaseSummary(ReleaseId id, String version, Instant releaseAt, Instant publishedAt, long shipped) {

	public boolean published() {
		return publishedAt != null;
	}
}
