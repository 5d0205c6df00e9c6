package com.forum.points;

import java.time.Instant;
import java.util.Locale;

/**
 * An item of the points shop.
 *
 * @param stock units still on offer
 * @param perMemberLimit its own limit per member, or null for the shop's
 * @param codes codes loaded for it in all; 0 for an item staff hand out another way
 * @param codesLeft loaded codes not handed out yet
 */
public record ShopItem(long id, String titleEn, String titleZh, String descriptionEn, String descriptionZh,
		ShopItemKind kind, int price, int stock, Integer perMemberLimit, boolean active, long codes, long codesLeft,
		Instant createdAt) {

	/** The title in the reader's language: Chinese for any Chinese reader, English otherwise. */
	public String title(Locale locale) {
		return chinese(locale) ? titleZh : titleEn;
	}

	/** The description in the reader's language, or the other one when only that was written. */
	public String description(Locale locale) {
		String wanted = chinese(locale) ? descriptionZh : descriptionEn;
		return wanted.isBlank() ? (chinese(locale) ? descriptionEn : descriptionZh) : wanted;
	}

	public boolean soldOut() {
		return stock == 0;
	}

	public boolean hasCodes() {
		return codes > 0;
	}

	static boolean chinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}
}
