package com.forum.web.api;

import java.time.Instant;
import java.util.List;

import com.forum.reputation.DailyQuotas;
import com.forum.reputation.Privileges;
import com.forum.reputation.Quota;
import com.forum.reputation.Reputation;
import com.forum.reputation.PrivilegeStanding;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members/me")
@Tag(name = "Privileges", description = "What the signed-in member's reputation unlocks, and today's quotas")
class PrivilegesApi {

	private final Privileges privileges;

	private final PrivilegeGate gate;

	private final DailyQuotas quotas;

	private final Reputation reputation;

	PrivilegesApi(Privileges privileges, PrivilegeGate gate, DailyQuotas quotas, Reputation reputation) {
		this.privileges = privileges;
		this.gate = gate;
		this.quotas = quotas;
		this.reputation = reputation;
	}

	@GetMapping("/privileges")
	@Operation(summary = "Reputation, level, every privilege with the reputation it needs and whether it is held, "
			+ "and today's quotas (none for staff) with when they reset")
	StandingResponse privileges(@AuthenticationPrincipal MemberPrincipal me) {
		PrivilegeStanding standing = gate.standing(me);
		DailyQuotas.Today today = quotas.today(me.memberId());
		List<PrivilegeResponse> ladder = privileges.ladder()
			.entrySet()
			.stream()
			.map(rung -> new PrivilegeResponse(rung.getKey().id(), rung.getValue(), standing.holds(rung.getKey())))
			.toList();
		List<QuotaResponse> used = List.of(Quota.values())
			.stream()
			.map(quota -> new QuotaResponse(quota.id(), today.used(quota),
					today.limits() == null ? null : today.limits().of(quota)))
			.toList();
		return new StandingResponse(standing.reputation(), reputation.levelFor(standing.reputation()).label(), ladder,
				new QuotasResponse(used, today.resetsAt(), today.zone().getId()));
	}

	record StandingResponse(long reputation, String level, List<PrivilegeResponse> privileges, QuotasResponse quotas) {
	}

	record PrivilegeResponse(String id, long requiredReputation, boolean held) {
	}

	/** @param resetsAt the start of the member's next day, in their zone, when the counts start again */
	record QuotasResponse(List<QuotaResponse> items, Instant resetsAt, String zone) {
	}

	/**
	 * @param used what the member did of it today, or null while it cannot be counted (Redis away)
	 * @param limit today's quota for the member's level, or null when they have none (staff)
	 */
	record QuotaResponse(String quota, Long used, Integer limit) {
	}
}
