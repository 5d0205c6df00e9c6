package com.forum.poll;

/** One answer a poll offers; its id is null until the poll is stored. */
record PollOption(Long id, int position, String label) {
}
