package com.forum.poll;

import java.time.Instant;
import java.util.List;

/**
 * A poll as its author asks for it, before any rule has looked at it.
 *
 * @param maxChoices for multiple choice, the most options one member may choose; null: as many as there are
 * @param closesAt when the poll stops taking votes; null: open until its author closes it
 */
public record PollDraft(String question, List<String> options, boolean multiple, Integer maxChoices,
		Instant closesAt) {

	public PollDraft {
		options = options == null ? List.of() : options.stream().map(o -> o == null ? "" : o).toList();
	}
}
