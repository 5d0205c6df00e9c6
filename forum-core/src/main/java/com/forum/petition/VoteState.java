package com.forum.petition;

/** Whether the member now backs the petition, and how many members do. */
public record VoteState(boolean voted, long votes) {
}
