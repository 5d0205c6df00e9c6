package com.forum.points;

/** What a shop item gives the member. */
public enum ShopItemKind {

	/** A discount in the Xiaomi store, handed out as a code. */
	COUPON,

	/** A thing (a strap, a power bank), handed out as a redemption code or sent by staff. */
	MERCHANDISE
}
