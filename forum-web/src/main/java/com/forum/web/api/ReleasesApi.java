package com.forum.web.api;

import java.net.URI;

import com.forum.member.Actor;
import com.forum.petition.PetitionId;
import com.forum.petition.ReleaseId;
import com.forum.petition.ReleaseNote;
import com.forum.petition.ReleasePlanning;
import com.forum.reputation.Reputation;
import com.forum.web.api.PetitionDtos.CreateReleaseRequest;
import com.forum.web.api.PetitionDtos.ReleaseResponse;
import com.forum.web.api.PetitionDtos.ReleaseSummaryResponse;
import com.forum.web.api.PetitionDtos.ShipRequest;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/releases")
@Tag(name = "Releases", description = "Weekly releases that ship petitions and credit the fans who asked")
class ReleasesApi {

	private final ReleasePlanning releases;

	private final PetitionApiMapper mapper;

	private final Reputation reputation;

	ReleasesApi(ReleasePlanning releases, PetitionApiMapper mapper, Reputation reputation) {
		this.releases = releases;
		this.mapper = mapper;
		this.reputation = reputation;
	}

	@GetMapping
	@Operation(summary = "Published releases, newest first; employees also see the drafts")
	PageResponse<ReleaseSummaryResponse> list(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(releases.list(actor(me), page - 1, size), mapper::release);
	}

	@PostMapping
	@Operation(summary = "Plan a release (employees); without a date it takes the next weekly slot, Tuesday 12:00 Asia/Shanghai")
	ResponseEntity<ReleaseResponse> create(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody CreateReleaseRequest request) {
		ReleaseId id = releases.create(me.actor(), request.version(), request.releaseAt(), request.notes());
		return ResponseEntity.created(URI.create("/api/v1/releases/" + id))
			.body(note(releases.note(me.actor(), id)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A release note: what shipped, crediting each petition's author and earliest backers; "
			+ "a draft is found by employees only")
	ReleaseResponse release(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return note(releases.note(actor(me), new ReleaseId(id)));
	}

	@PostMapping("/{id}/petitions")
	@Operation(summary = "Ship a planned or in-progress petition in this draft release (employees); "
			+ "it shows as shipped, and its backers are told, when the release is published")
	ReleaseResponse ship(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody ShipRequest request) {
		releases.ship(me.actor(), new ReleaseId(id), new PetitionId(request.petitionId()), request.response());
		return note(releases.note(me.actor(), new ReleaseId(id)));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish the release (employees): what it ships is shipped, and every backer is told")
	ReleaseResponse publish(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		releases.publish(me.actor(), new ReleaseId(id));
		return note(releases.note(me.actor(), new ReleaseId(id)));
	}

	private ReleaseResponse note(ReleaseNote note) {
		return mapper.release(note,
				reputation.standings(note.shipped().stream().map(credit -> credit.petition().authorId()).toList()));
	}

	private static Actor actor(MemberPrincipal me) {
		return me == null ? null : me.actor();
	}
}
