package com.forum.member;

import java.time.Instant;

/**
 * What the doors need to know of an account on every request.
 *
 * @param emailConfirmed whether the member showed the address is theirs (only then may they post)
 * @param signedOutAt sessions begun before this instant are over (null: none ended)
 */
public record AccountState(MemberId id, boolean emailConfirmed, Instant signedOutAt) {

	/** Whether a session or token begun at this instant still holds. */
	public boolean holds(Instant begun) {
		return signedOutAt == null || begun.isAfter(signedOutAt);
	}
}
