package com.forum.web.api;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.points.Adjustment;
import com.forum.points.PointsAdjustments;
import com.forum.points.PointsShop;
import com.forum.points.Redemption;
import com.forum.points.RedemptionState;
import com.forum.points.ShopItemChange;
import com.forum.points.ShopItemDraft;
import com.forum.points.ShopItemKind;
import com.forum.web.api.ShopDtos.AdjustmentRequest;
import com.forum.web.api.ShopDtos.AdjustmentResponse;
import com.forum.web.api.ShopDtos.CodesLoadedResponse;
import com.forum.web.api.ShopDtos.CreateItemRequest;
import com.forum.web.api.ShopDtos.ItemResponse;
import com.forum.web.api.ShopDtos.LoadCodesRequest;
import com.forum.web.api.ShopDtos.RedemptionResponse;
import com.forum.web.api.ShopDtos.UpdateItemRequest;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: points shop and adjustments",
		description = "Items, stock and codes, fulfilling redemptions, and correcting members' points")
class ShopAdminApi {

	private final PointsShop shop;

	private final PointsAdjustments adjustments;

	private final MemberDirectory members;

	private final ShopApiMapper mapper;

	ShopAdminApi(PointsShop shop, PointsAdjustments adjustments, MemberDirectory members, ShopApiMapper mapper) {
		this.shop = shop;
		this.adjustments = adjustments;
		this.members = members;
		this.mapper = mapper;
	}

	@GetMapping("/shop/items")
	@Operation(summary = "Every item, withdrawn ones too, with the codes left")
	List<ItemResponse> items() {
		return shop.items(true).stream().map(item -> mapper.item(item, shop.limitFor(item), true)).toList();
	}

	@PostMapping("/shop/items")
	@Operation(summary = "Offer a new item; both titles are required")
	ResponseEntity<ItemResponse> create(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody CreateItemRequest request) {
		long id = shop.create(me.actor(), new ShopItemDraft(request.titleEn(), request.titleZh(),
				request.descriptionEn(), request.descriptionZh(), ApiParameters.parse(ShopItemKind.class, "kind",
						request.kind()), request.price(), request.stock(), request.perMemberLimit(),
				request.active() == null || request.active()));
		return ResponseEntity.created(URI.create("/api/v1/shop/items/" + id)).body(item(id));
	}

	@PutMapping("/shop/items/{id}")
	@Operation(summary = "Set an item's price, stock or whether it is on offer; what is left out stays")
	ItemResponse update(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody UpdateItemRequest request) {
		shop.update(me.actor(), id, new ShopItemChange(request.price(), request.stock(), request.active()));
		return item(id);
	}

	@PostMapping("/shop/items/{id}/codes")
	@Operation(summary = "Load codes to hand out, each once; every new code adds a unit of stock")
	CodesLoadedResponse loadCodes(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody LoadCodesRequest request) {
		return mapper.codesLoaded(shop.loadCodes(me.actor(), id, request.codes()));
	}

	@GetMapping("/shop/redemptions")
	@Operation(summary = "Redemptions in one state (pending by default), oldest first")
	PageResponse<RedemptionResponse> redemptions(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "pending") String state,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		var found = shop.redemptions(me.actor(), ApiParameters.parse(RedemptionState.class, "state", state),
				page - 1, size);
		var usernames = members.usernames(found.map(Redemption::member).toSet());
		return PageResponse.of(found, r -> mapper.redemption(r, usernames));
	}

	@PostMapping("/shop/redemptions/{id}/fulfilment")
	@Operation(summary = "Fulfil a pending redemption: its points are spent and it gets the item's next code")
	RedemptionResponse fulfil(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		Redemption fulfilled = shop.fulfil(me.actor(), id);
		return mapper.redemption(fulfilled, members.usernames(Set.of(fulfilled.member())));
	}

	@PostMapping("/members/{username}/points-adjustments")
	@Operation(summary = "Add (positive amount) or remove (negative) a member's points, with a reason that "
			+ "stays on the record; 200 with the same adjustment when the Idempotency-Key repeats a request")
	ResponseEntity<AdjustmentResponse> adjust(@AuthenticationPrincipal MemberPrincipal me,
			@PathVariable String username, @Valid @RequestBody AdjustmentRequest request,
			@RequestHeader(name = ShopApi.IDEMPOTENCY_KEY, required = false) String key) {
		MemberId member = members.profile(username).id();
		Adjustment made = adjustments.adjust(me.actor(), member, request.amount(), request.reason(),
				ShopApi.requestKey(key));
		AdjustmentResponse body = mapper.adjustment(made, members.usernames(Set.of(made.member(), made.admin())));
		return !made.isNew() ? ResponseEntity.ok(body)
				: ResponseEntity.created(URI.create("/api/v1/admin/points-adjustments?member=" + username)).body(body);
	}

	@GetMapping("/points-adjustments")
	@Operation(summary = "Every adjustment, newest first (one member's with ?member=): who, whom, how much, why, when")
	PageResponse<AdjustmentResponse> adjustments(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) String member,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		MemberId whose = member == null || member.isBlank() ? null : members.profile(member.strip()).id();
		var found = adjustments.list(me.actor(), whose, page - 1, size);
		Set<MemberId> named = new HashSet<>();
		found.forEach(a -> {
			named.add(a.member());
			named.add(a.admin());
		});
		var usernames = members.usernames(named);
		return PageResponse.of(found, a -> mapper.adjustment(a, usernames));
	}

	private ItemResponse item(long id) {
		var item = shop.item(id, true);
		return mapper.item(item, shop.limitFor(item), true);
	}
}
