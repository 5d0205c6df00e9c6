package com.forum.launch;

import java.util.Map;

/**
 * What staff watch during a sale.
 *
 * @param stockInRedis the slots left as admission sees them, or null while its keys are being rebuilt
 * @param attemptsPerSecond attempts per second over the last minute
 * @param rejections refused attempts by reason (and ADMITTED), since the keys were last written
 */
public record LaunchFigures(long launchId, int slots, int taken, int pending, int confirmed, int waitlist,
		Long stockInRedis, double attemptsPerSecond, Map<String, Long> rejections) {
}
