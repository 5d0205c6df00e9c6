package com.forum.launch;

import java.time.Duration;
import java.time.Instant;

/** Members of {@code minLevel} and above may reserve from {@code opensBefore} ahead of the general opening. */
public record PriorityWindow(int minLevel, Duration opensBefore) {

	public Instant startsAt(Instant generalOpening) {
		return generalOpening.minus(opensBefore);
	}
}
