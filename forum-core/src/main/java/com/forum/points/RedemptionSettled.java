package com.forum.points;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A pending redemption was settled: fulfilled (its points spent, its code, if the item has codes,
 * handed out), cancelled by the member or expired (its points given back). The code itself is not
 * carried: it is the member's alone, read from the redemption by whoever tells them.
 */
public record RedemptionSettled(long redemptionId, MemberId memberId, RedemptionState state) implements DomainEvent {
}
