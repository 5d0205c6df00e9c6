package com.forum.leaderboard;

import com.forum.member.MemberId;

/**
 * A member's place on a leaderboard.
 *
 * @param rank 1 for the top; members with the same score share a rank, and the next rank counts them
 * all (1, 2, 2, 4)
 */
public record Ranking(int rank, MemberId member, long score) {
}
