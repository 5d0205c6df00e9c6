package com.forum.web.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.forum.launch.LaunchAction;
import com.forum.launch.LaunchDraft;
import com.forum.launch.Launches;
import com.forum.launch.PriorityWindow;
import com.forum.launch.Reservations;
import com.forum.shared.InvalidInputException;
import com.forum.web.api.LaunchDtos.FiguresResponse;
import com.forum.web.api.LaunchDtos.LaunchRequest;
import com.forum.web.api.LaunchDtos.LaunchResponse;
import com.forum.web.api.LaunchDtos.ReservationResponse;
import com.forum.web.api.LaunchDtos.WindowRequest;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What employees (and admins) do with launches, and the store's redemption of codes. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Launches: staff and store", description = "Creating and running launches, figures, redeeming codes")
class LaunchStaffApi {

	private final Launches launches;

	private final Reservations reservations;

	private final LaunchApiMapper mapper;

	LaunchStaffApi(Launches launches, Reservations reservations, LaunchApiMapper mapper) {
		this.launches = launches;
		this.reservations = reservations;
		this.mapper = mapper;
	}

	@PostMapping("/launches")
	@Operation(summary = "Create a launch (open, i.e. scheduled, unless draft is true)")
	ResponseEntity<LaunchResponse> create(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody LaunchRequest request) {
		LaunchResponse created = mapper.launch(launches.create(me.actor(), draft(request)), null);
		return ResponseEntity.created(URI.create("/api/v1/launches/" + created.id())).body(created);
	}

	@PutMapping("/launches/{id}")
	@Operation(summary = "Change a launch until its first window opens; every field is given again")
	LaunchResponse edit(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody LaunchRequest request) {
		return mapper.launch(launches.edit(me.actor(), id, draft(request)), null);
	}

	@PostMapping("/launches/{id}/open")
	@Operation(summary = "Publish a draft launch")
	LaunchResponse open(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return change(me, id, LaunchAction.OPEN);
	}

	@PostMapping("/launches/{id}/pause")
	@Operation(summary = "Pause reservations (409 launch-paused to members meanwhile)")
	LaunchResponse pause(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return change(me, id, LaunchAction.PAUSE);
	}

	@PostMapping("/launches/{id}/resume")
	@Operation(summary = "Resume a paused launch")
	LaunchResponse resume(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return change(me, id, LaunchAction.RESUME);
	}

	@PostMapping("/launches/{id}/close")
	@Operation(summary = "Close a launch for good; reservations made stay")
	LaunchResponse close(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return change(me, id, LaunchAction.CLOSE);
	}

	@GetMapping("/launches/{id}/figures")
	@Operation(summary = "Slots taken, pending, confirmed, the waitlist, attempts per second over the last "
			+ "minute and attempts by outcome")
	FiguresResponse figures(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return mapper.figures(launches.figures(me.actor(), id));
	}

	@PostMapping("/store/reservation-codes/{code}/redemption")
	@Operation(summary = "Redeem a reservation code once (employees and admins): the reservation is confirmed "
			+ "and its points spent; 409 reservation-code-used the second time, 404 for an unknown code")
	ReservationResponse redeem(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String code) {
		return mapper.reservation(reservations.redeem(me.actor(), code));
	}

	private LaunchResponse change(MemberPrincipal me, long id, LaunchAction action) {
		return mapper.launch(launches.change(me.actor(), id, action), null);
	}

	private static LaunchDraft draft(LaunchRequest request) {
		List<PriorityWindow> windows = request.windows() == null ? List.of() : request.windows().stream()
			.map(LaunchStaffApi::window)
			.toList();
		return new LaunchDraft(request.product(), request.slots(), request.opensAt(), windows, request.pointsPrice(),
				request.validity() == null ? null : duration("validity", request.validity()),
				Boolean.TRUE.equals(request.draft()));
	}

	private static PriorityWindow window(WindowRequest window) {
		if (window == null || window.minLevel() == null || window.opensBefore() == null) {
			throw new InvalidInputException("windows", "window-incomplete", "each window names minLevel and opensBefore");
		}
		return new PriorityWindow(window.minLevel(), duration("windows", window.opensBefore()));
	}

	private static Duration duration(String field, String text) {
		try {
			return DurationStyle.detectAndParse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "duration-format", "must be a duration such as PT48H or 48h");
		}
	}
}
