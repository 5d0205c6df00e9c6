package com.forum.web.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.forum.member.Role;
import com.forum.points.PointsShop;
import com.forum.points.Redeemed;
import com.forum.points.Redemption;
import com.forum.points.ShopItem;
import com.forum.shared.InvalidInputException;
import com.forum.web.api.ShopDtos.ItemResponse;
import com.forum.web.api.ShopDtos.RedemptionResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Points shop", description = "Items members redeem with points, and their redemptions")
class ShopApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

	private final PointsShop shop;

	private final ShopApiMapper mapper;

	ShopApi(PointsShop shop, ShopApiMapper mapper) {
		this.shop = shop;
		this.mapper = mapper;
	}

	@GetMapping("/shop/items")
	@Operation(summary = "Items on offer, with their price in points and the stock left")
	List<ItemResponse> items(@AuthenticationPrincipal MemberPrincipal me) {
		return shop.items(false).stream().map(item -> item(item, me)).toList();
	}

	@GetMapping("/shop/items/{id}")
	@Operation(summary = "An item on offer (admins also find withdrawn ones)")
	ItemResponse item(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return item(shop.item(id, admin(me)), me);
	}

	@PostMapping("/shop/items/{id}/redemptions")
	@Operation(summary = "Redeem one unit: the price is held from your points until staff fulfil it. 201 the "
			+ "first time; 200 with the same redemption when the Idempotency-Key repeats an earlier request")
	ResponseEntity<RedemptionResponse> redeem(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Parameter(description = "Any 1 to 100 visible ASCII characters; a request repeating an earlier key "
					+ "redeems nothing more") @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		Redeemed redeemed = shop.redeem(me.memberId(), id, requestKey(key));
		RedemptionResponse body = mine(redeemed.redemption(), me);
		return redeemed.first()
				? ResponseEntity.created(URI.create("/api/v1/members/me/redemptions/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@GetMapping("/members/me/redemptions")
	@Operation(summary = "Your redemptions, newest first, with the codes of fulfilled ones")
	PageResponse<RedemptionResponse> redemptions(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(shop.redemptions(me.memberId(), page - 1, size), r -> mine(r, me));
	}

	@PostMapping("/members/me/redemptions/{id}/cancellation")
	@Operation(summary = "Cancel a pending redemption of yours: the points and the unit go back")
	RedemptionResponse cancel(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return mine(shop.cancel(me.memberId(), id), me);
	}

	/** The key a client sent, or a fresh one: a request without a key is never taken for a repeat. */
	static String requestKey(String key) {
		if (key == null) {
			return UUID.randomUUID().toString();
		}
		if (key.length() > PointsShop.MAX_REQUEST_KEY || !VISIBLE_ASCII.matcher(key).matches()) {
			throw new InvalidInputException("Idempotency-Key", "request-key",
					"must be 1 to 100 visible ASCII characters", PointsShop.MAX_REQUEST_KEY);
		}
		return key;
	}

	private ItemResponse item(ShopItem item, MemberPrincipal me) {
		return mapper.item(item, shop.limitFor(item), admin(me));
	}

	private RedemptionResponse mine(Redemption redemption, MemberPrincipal me) {
		return mapper.redemption(redemption, Map.of(me.memberId(), me.getUsername()));
	}

	private static boolean admin(MemberPrincipal me) {
		return me != null && me.role() == Role.ADMIN;
	}
}
