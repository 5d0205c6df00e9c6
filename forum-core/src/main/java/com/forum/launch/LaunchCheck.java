package com.forum.launch;

import java.util.List;

/**
 * What the reconciliation found of one launch.
 *
 * @param redisStock the slots left in Redis, or null when its keys are not loaded
 * @param redisHolders how many members Redis counts as holding a slot, or null when not loaded
 * @param problems what disagrees; empty when all agree
 * @param redisDisagrees whether Redis's stock or holders differ from PostgreSQL's (among the problems)
 */
public record LaunchCheck(long launchId, String product, LaunchState state, int slots, int taken, int pending,
		int confirmed, Long redisStock, Integer redisHolders, List<String> problems, boolean redisDisagrees) {

	public boolean violated() {
		return !problems.isEmpty();
	}
}
