package com.forum.points;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A hold was released without being captured: cancelled, or expired. What it was for (a shop
 * redemption, a launch reservation) is named by its purpose and cause key, so that feature can give
 * back what it set aside.
 */
public record HoldReleased(long holdId, MemberId memberId, String purpose, String causeKey, boolean expired)
		implements DomainEvent {
}
