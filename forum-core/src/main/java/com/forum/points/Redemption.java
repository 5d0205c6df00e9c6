package com.forum.points;

import java.time.Instant;
import java.util.Locale;

import com.forum.member.MemberId;

/**
 * A member's redemption of a shop item.
 *
 * @param price the points it costs, as the item was priced when redeemed
 * @param code the code handed out when it was fulfilled, or null
 * @param expiresAt when a pending redemption lapses if nobody fulfils it
 * @param settledAt when it was fulfilled, cancelled or expired, or null while pending
 * @param settledBy the staff member who fulfilled it, or null
 */
public record Redemption(long id, long itemId, String itemTitleEn, String itemTitleZh, ShopItemKind kind,
		MemberId member, int price, RedemptionState state, String code, Instant createdAt, Instant expiresAt,
		Instant settledAt, MemberId settledBy) {

	public String itemTitle(Locale locale) {
		return ShopItem.chinese(locale) ? itemTitleZh : itemTitleEn;
	}

	public boolean pending() {
		return state == RedemptionState.PENDING;
	}
}
