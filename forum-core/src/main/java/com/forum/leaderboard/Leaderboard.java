package com.forum.leaderboard;

import java.util.List;

/** The top of a leaderboard, best first. */
public record Leaderboard(LeaderboardKind kind, LeaderboardPeriod.Window window, List<Ranking> top) {
}
