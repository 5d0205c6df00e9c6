package com.forum.web.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.forum.launch.Launch;
import com.forum.launch.Launches;
import com.forum.launch.Reservations;
import com.forum.shared.RuleViolationException;
import com.forum.web.api.LaunchDtos.LaunchResponse;
import com.forum.web.api.LaunchDtos.ReservationResponse;
import com.forum.web.api.LaunchDtos.WaitlistResponse;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.problem.ProblemType;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Launches", description = "Pre-booking launches: windows by level, reservations, codes, the waitlist")
class LaunchesApi {

	private final Launches launches;

	private final Reservations reservations;

	private final LaunchApiMapper mapper;

	private final ProblemMessages messages;

	LaunchesApi(Launches launches, Reservations reservations, LaunchApiMapper mapper, ProblemMessages messages) {
		this.launches = launches;
		this.reservations = reservations;
		this.mapper = mapper;
		this.messages = messages;
	}

	@GetMapping("/launches")
	@Operation(summary = "Launches, latest opening first (staff also see drafts)")
	List<LaunchResponse> launches(@AuthenticationPrincipal MemberPrincipal me) {
		return launches.list(staff(me)).stream().map(launch -> mapper.launch(launch, null)).toList();
	}

	@GetMapping("/launches/{id}")
	@Operation(summary = "A launch with the slots left and, signed in, your window, whether you may reserve "
			+ "now and why not, your reservation and your place on the waitlist")
	LaunchResponse launch(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		Launch launch = launches.get(id, staff(me));
		return mapper.launch(launch, me == null ? null : launches.standing(launch, me.memberId()));
	}

	@PostMapping("/launches/{id}/reservations")
	@Operation(summary = "Reserve a slot: 201 with your single-use code; 409 sold out (launch-sold-out), already "
			+ "reserved, paused or closed; 403 denied/launch-window while your window is not open (naming your "
			+ "level, your window and when it opens); 503 launch-unavailable with Retry-After while admission "
			+ "is rebuilt")
	@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
	ResponseEntity<?> reserve(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		ReservationResponse made;
		try {
			made = mapper.reservation(reservations.reserve(me.memberId(), id));
		}
		catch (RuleViolationException refused) {
			// the problem ApiProblems would answer, without the resolution of an exception: in a sale nearly
			// every attempt is refused, and finding and calling the handler cost more than the refusal itself
			ProblemDetail problem = ProblemType.ruleViolation(refused.code(), messages.text(refused));
			return ResponseEntity.status(problem.getStatus()).body(messages.titled(problem));
		}
		return ResponseEntity.created(URI.create("/api/v1/members/me/reservations")).body(made);
	}

	@DeleteMapping("/launches/{id}/reservations/mine")
	@Operation(summary = "Cancel your pending reservation: the slot goes to the waitlist, held points come back")
	ReservationResponse cancel(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return mapper.reservation(reservations.cancel(me.memberId(), id));
	}

	@PostMapping("/launches/{id}/waitlist")
	@Operation(summary = "Join the waitlist of a sold-out launch whose window is open for you; answers your place")
	WaitlistResponse joinWaitlist(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return new WaitlistResponse(reservations.joinWaitlist(me.memberId(), id));
	}

	@DeleteMapping("/launches/{id}/waitlist")
	@Operation(summary = "Leave the waitlist")
	ResponseEntity<Void> leaveWaitlist(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		reservations.leaveWaitlist(me.memberId(), id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/launches/{id}/watch")
	@Operation(summary = "Be told (notification centre and e-mail) when your window opens")
	ResponseEntity<Void> watch(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		reservations.watch(me.memberId(), id, true);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/launches/{id}/watch")
	@Operation(summary = "Stop being told when your window opens")
	ResponseEntity<Void> unwatch(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		reservations.watch(me.memberId(), id, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/members/me/reservations")
	@Operation(summary = "Your reservations, newest first, with their codes")
	List<ReservationResponse> mine(@AuthenticationPrincipal MemberPrincipal me) {
		return mapper.reservations(reservations.mine(me.memberId()));
	}

	private static boolean staff(MemberPrincipal me) {
		return me != null && me.role().isStaff();
	}
}
