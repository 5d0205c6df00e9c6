package com.forum.web.api;

import java.util.Locale;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import com.forum.member.MemberId;
import com.forum.points.Adjustment;
import com.forum.points.CodesLoaded;
import com.forum.points.Redemption;
import com.forum.points.ShopItem;
import com.forum.web.api.ShopDtos.AdjustmentResponse;
import com.forum.web.api.ShopDtos.CodesLoadedResponse;
import com.forum.web.api.ShopDtos.ItemResponse;
import com.forum.web.api.ShopDtos.RedemptionResponse;

@Mapper
interface ShopApiMapper {

	/** An item as anyone sees it; {@code codesLeft} only for admins. */
	@Mapping(target = "codesLeft", expression = "java(admin ? item.codesLeft() : null)")
	@Mapping(target = "perMemberLimit", source = "limit")
	@Mapping(target = "soldOut", expression = "java(item.soldOut())")
	ItemResponse item(ShopItem item, int limit, boolean admin);

	@Mapping(target = "member", expression = "java(usernames.get(redemption.member()))")
	RedemptionResponse redemption(Redemption redemption, Map<MemberId, String> usernames);

	@Mapping(target = "member", expression = "java(usernames.get(adjustment.member()))")
	@Mapping(target = "admin", expression = "java(usernames.get(adjustment.admin()))")
	AdjustmentResponse adjustment(Adjustment adjustment, Map<MemberId, String> usernames);

	CodesLoadedResponse codesLoaded(CodesLoaded loaded);

	/** Kinds and states go out as lower-case words, as they come in. */
	default String name(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(Locale.ROOT);
	}
}
