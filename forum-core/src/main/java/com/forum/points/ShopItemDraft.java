package com.forum.points;

/**
 * A new shop item as an admin describes it; both titles are required, the descriptions optional.
 *
 * @param perMemberLimit its own limit per member, or null for the shop's
 */
public record ShopItemDraft(String titleEn, String titleZh, String descriptionEn, String descriptionZh,
		ShopItemKind kind, int price, int stock, Integer perMemberLimit, boolean active) {
}
