package com.forum.points;

/**
 * What a posting did.
 *
 * @param entryId the new entry, or 0 when the cause was posted before (nothing changed)
 * @param amount what was posted: the asked amount, less what a daily cap or the balance left out
 */
public record Posted(long entryId, int amount) {

	static final Posted NOTHING = new Posted(0, 0);

	public boolean isNew() {
		return entryId != 0;
	}
}
