package com.forum.web.api;

import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.forum.points.Account;
import com.forum.points.Balance;
import com.forum.points.CheckIn;
import com.forum.points.CheckIns;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.web.api.PointsDtos.CalendarResponse;
import com.forum.web.api.PointsDtos.CheckInResponse;
import com.forum.web.api.PointsDtos.PointsResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/members/me")
@Tag(name = "Points", description = "The signed-in member's points, holds, history and daily check-in")
class PointsApi {

	private final Ledger ledger;

	private final PointsHolds holds;

	private final CheckIns checkIns;

	private final PointsApiMapper mapper;

	PointsApi(Ledger ledger, PointsHolds holds, CheckIns checkIns, PointsApiMapper mapper) {
		this.ledger = ledger;
		this.holds = holds;
		this.checkIns = checkIns;
		this.mapper = mapper;
	}

	@GetMapping("/points")
	@Operation(summary = "Balance, open holds, reputation, today's check-in and the history, newest first")
	PointsResponse points(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Balance points = ledger.balance(me.memberId(), Account.POINTS);
		return new PointsResponse(points.balance(), points.held(), points.available(),
				ledger.balance(me.memberId(), Account.REPUTATION).balance(),
				mapper.checkInState(checkIns.calendar(me.memberId(), null)), mapper.holds(holds.open(me.memberId())),
				PageResponse.of(ledger.history(me.memberId(), Account.POINTS, page - 1, size), mapper::entry));
	}

	@PostMapping("/check-ins")
	@Operation(summary = "Check in for today (签到): 201 the first time, 200 with the same day when repeated")
	ResponseEntity<CheckInResponse> checkIn(@AuthenticationPrincipal MemberPrincipal me) {
		CheckIn checkIn = checkIns.checkIn(me.memberId());
		return ResponseEntity.status(checkIn.first() ? HttpStatus.CREATED : HttpStatus.OK).body(mapper.checkIn(checkIn));
	}

	@GetMapping("/check-ins")
	@Operation(summary = "The check-in calendar of a month (yyyy-MM; the member's current month by default)")
	CalendarResponse calendar(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		return mapper.calendar(checkIns.calendar(me.memberId(), month));
	}
}
