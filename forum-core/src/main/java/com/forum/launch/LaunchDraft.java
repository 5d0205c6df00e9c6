package com.forum.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What staff write of a launch; checked by {@link Launch#check}.
 *
 * @param pointsPrice points held at reservation and spent at confirmation; null for none
 * @param validity how long a reservation waits for the store; null for the configured default
 * @param draft whether it stays hidden from members until staff open it
 */
public record LaunchDraft(String product, Integer slots, Instant opensAt, List<PriorityWindow> windows,
		Integer pointsPrice, Duration validity, boolean draft) {

	public LaunchDraft {
		windows = windows == null ? List.of() : List.copyOf(windows);
	}
}
