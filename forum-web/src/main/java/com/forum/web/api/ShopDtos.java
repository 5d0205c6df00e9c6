package com.forum.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What the points shop and the admins' adjustments API take and answer with. */
final class ShopDtos {

	private ShopDtos() {
	}

	/**
	 * @param kind {@code coupon} or {@code merchandise}
	 * @param stock units still on offer
	 * @param perMemberLimit how many units one member may hold (redeemed and not cancelled)
	 * @param codesLeft loaded codes not handed out yet (admins only; null for others)
	 */
	record ItemResponse(long id, String titleEn, String titleZh, String descriptionEn, String descriptionZh,
			String kind, int price, int stock, boolean soldOut, int perMemberLimit, boolean active, Long codesLeft) {
	}

	/**
	 * @param state {@code pending}, {@code fulfilled}, {@code cancelled} or {@code expired}
	 * @param code the code handed out when it was fulfilled, or null
	 * @param expiresAt when a pending redemption lapses if nobody fulfils it
	 */
	record RedemptionResponse(long id, long itemId, String itemTitleEn, String itemTitleZh, String kind,
			String member, int price, String state, String code, Instant createdAt, Instant expiresAt,
			Instant settledAt) {
	}

	/**
	 * @param kind {@code coupon} or {@code merchandise}
	 * @param perMemberLimit the item's own limit per member; the shop's when left out
	 * @param active whether it is on offer at once (the default)
	 */
	record CreateItemRequest(@NotBlank @Size(max = 120) String titleEn, @NotBlank @Size(max = 120) String titleZh,
			@Size(max = 2000) String descriptionEn, @Size(max = 2000) String descriptionZh, @NotBlank String kind,
			@NotNull @Positive Integer price, @NotNull @PositiveOrZero Integer stock, @Positive Integer perMemberLimit,
			Boolean active) {
	}

	/** What to change; a value left out stays as it is. */
	record UpdateItemRequest(@Positive Integer price, @PositiveOrZero Integer stock, Boolean active) {
	}

	record LoadCodesRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Size(max = 100) String> codes) {
	}

	/**
	 * @param loaded new codes, each adding a unit of stock
	 * @param duplicates codes the item had already, left out
	 */
	record CodesLoadedResponse(int loaded, int duplicates, int stock) {
	}

	/** @param amount points to add (positive) or remove (negative) */
	record AdjustmentRequest(@NotNull Integer amount, @NotBlank @Size(max = 500) String reason) {
	}

	/** @param balance the member's points balance right after it; null in lists */
	record AdjustmentResponse(long entryId, String member, String admin, int amount, String reason, Instant at,
			Long balance) {
	}
}
