package com.forum.web.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.forum.board.BoardId;
import com.forum.member.Privilege;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionFollowing;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionSummary;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.VoteState;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.search.SimilarPetitions;
import com.forum.web.api.PetitionDtos.AssigneeRequest;
import com.forum.web.api.PetitionDtos.HistoryResponse;
import com.forum.web.api.PetitionDtos.NoteRequest;
import com.forum.web.api.PetitionDtos.NoteResponse;
import com.forum.web.api.PetitionDtos.PetitionResponse;
import com.forum.web.api.PetitionDtos.PetitionSummaryResponse;
import com.forum.web.api.PetitionDtos.ResponseRequest;
import com.forum.web.api.PetitionDtos.RoadmapResponse;
import com.forum.web.api.PetitionDtos.SimilarPetitionResponse;
import com.forum.web.api.PetitionDtos.StatusChangeRequest;
import com.forum.web.api.PetitionDtos.SubmitPetitionRequest;
import com.forum.web.api.PetitionDtos.SubscriptionRequest;
import com.forum.web.api.PetitionDtos.ViewerState;
import com.forum.web.api.PetitionDtos.VoteRequest;
import com.forum.web.api.PetitionDtos.VoteResponse;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Petitions", description = "Suggestions, votes, status history and official responses")
class PetitionsApi {

	private final PetitionSubmission submission;

	private final PetitionQueries queries;

	private final PetitionVoting voting;

	private final PetitionFollowing following;

	private final PetitionTriage triage;

	private final SimilarPetitions similar;

	private final PetitionApiMapper mapper;

	private final PrivilegeGate privileges;

	private final Reputation reputation;

	PetitionsApi(PetitionSubmission submission, PetitionQueries queries, PetitionVoting voting,
			PetitionFollowing following, PetitionTriage triage, SimilarPetitions similar, PetitionApiMapper mapper,
			PrivilegeGate privileges, Reputation reputation) {
		this.privileges = privileges;
		this.reputation = reputation;
		this.submission = submission;
		this.queries = queries;
		this.voting = voting;
		this.following = following;
		this.triage = triage;
		this.similar = similar;
		this.mapper = mapper;
	}

	@GetMapping("/petitions")
	@Operation(summary = "Petitions by area, status or tag; top, trending (votes in the last 7 days), newest or oldest")
	PageResponse<PetitionSummaryResponse> list(@RequestParam(required = false) @Positive Long boardId,
			@Parameter(description = "one or more of submitted, under_review, planned, in_progress, shipped, "
					+ "declined, duplicate; open for the first four")
			@RequestParam(required = false) List<String> status, @RequestParam(required = false) @Size(max = 30) String tag,
			@RequestParam(defaultValue = "top") String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		PetitionFilter filter = new PetitionFilter(boardId == null ? null : new BoardId(boardId),
				ApiParameters.petitionStatuses(status), tag, null, null, null, null, false, null);
		Page<PetitionSummary> petitions = queries.list(filter, ApiParameters.petitionOrder(sort), page - 1, size);
		Standings authors = reputation.standings(petitions.map(PetitionSummary::authorId).toList());
		return PageResponse.of(petitions, petition -> mapper.summary(petition, authors));
	}

	@PostMapping("/petitions")
	@Operation(summary = "Submit a petition; the author backs it from the start")
	ResponseEntity<PetitionResponse> submit(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody SubmitPetitionRequest request) {
		PetitionId id = submission.submit(privileges.actor(me), new PetitionDraft(new BoardId(request.boardId()),
				request.title(), request.description(), request.deviceModel(), request.firmwareVersion(),
				request.tags() == null ? Set.of() : request.tags()));
		return ResponseEntity.created(URI.create("/api/v1/petitions/" + id)).body(details(id, me));
	}

	@GetMapping("/petitions/similar")
	@Operation(summary = "Existing petitions like a title being typed, whatever their status")
	PageResponse<SimilarPetitionResponse> similar(@RequestParam @Size(max = 150) String title,
			@RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
		return PageResponse.all(similar.find(title, limit).stream().map(mapper::similar).toList());
	}

	@GetMapping("/petitions/{id}")
	@Operation(summary = "One petition with its votes and the devices its backers say are affected")
	PetitionResponse petition(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return details(new PetitionId(id), me);
	}

	@GetMapping("/petitions/{id}/history")
	@Operation(summary = "The public history: status changes and official responses, oldest first")
	PageResponse<HistoryResponse> history(@PathVariable long id) {
		return PageResponse.all(queries.history(new PetitionId(id)).stream().map(mapper::history).toList());
	}

	@PutMapping("/petitions/{id}/vote")
	@Operation(summary = "Back the petition, optionally naming the affected device; repeating it changes nothing")
	@RequiresPrivilege(Privilege.VOTE_PETITIONS)
	VoteResponse vote(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody(required = false) VoteRequest request) {
		return vote(voting.vote(me.actor(), new PetitionId(id), request == null ? null : request.deviceModel()));
	}

	@DeleteMapping("/petitions/{id}/vote")
	@Operation(summary = "Take the vote back")
	VoteResponse unvote(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return vote(voting.unvote(me.actor(), new PetitionId(id)));
	}

	@PutMapping("/petitions/{id}/subscription")
	@Operation(summary = "Follow (hear of every change), mute (hear nothing) or default (hear as author or voter)")
	ViewerState subscribe(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody SubscriptionRequest request) {
		PetitionId petition = new PetitionId(id);
		following.set(me.actor(), petition,
				ApiParameters.parse(PetitionFollowing.Mode.class, "mode", request.mode()));
		return viewer(me, petition);
	}

	@PostMapping("/petitions/{id}/status")
	@Operation(summary = "Move the petition (employees); declining and reopening need a response, a duplicate "
			+ "its original; shipping names a draft release and takes effect when it is published. Members with "
			+ "help-triage move a submitted petition to under_review, with mark-duplicates mark a duplicate; "
			+ "their moves carry no response")
	PetitionResponse changeStatus(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody StatusChangeRequest request) {
		triage.changeStatus(privileges.actor(me), new PetitionId(id), ApiParameters.statusChange(request.status(),
				request.response(), request.releaseId(), request.duplicateOfId()));
		return details(new PetitionId(id), me);
	}

	@PostMapping("/petitions/{id}/responses")
	@Operation(summary = "Post an official response without changing the status (employees)")
	ResponseEntity<List<HistoryResponse>> respond(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody ResponseRequest request) {
		triage.respond(me.actor(), new PetitionId(id), request.response());
		return ResponseEntity.status(201)
			.body(queries.history(new PetitionId(id)).stream().map(mapper::history).toList());
	}

	@GetMapping("/petitions/{id}/notes")
	@Operation(summary = "Internal notes (employees only)")
	PageResponse<NoteResponse> notes(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return PageResponse.all(triage.notes(me.actor(), new PetitionId(id)).stream().map(mapper::note).toList());
	}

	@PostMapping("/petitions/{id}/notes")
	@Operation(summary = "Add an internal note (employees only); members never see it")
	ResponseEntity<PageResponse<NoteResponse>> addNote(@AuthenticationPrincipal MemberPrincipal me,
			@PathVariable long id, @Valid @RequestBody NoteRequest request) {
		triage.addNote(me.actor(), new PetitionId(id), request.body());
		return ResponseEntity.status(201).body(notes(me, id));
	}

	@PutMapping("/petitions/{id}/assignee")
	@Operation(summary = "Assign to a team and/or an employee (employees)")
	ResponseEntity<Void> assign(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody AssigneeRequest request) {
		triage.assign(me.actor(), new PetitionId(id), request.team(),
				request.assigneeId() == null ? null : new com.forum.member.MemberId(request.assigneeId()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/roadmap")
	@Operation(summary = "The public roadmap: planned, in progress, recently shipped")
	RoadmapResponse roadmap() {
		var lanes = queries.roadmap(20);
		Standings authors = reputation
			.standings(lanes.values().stream().flatMap(List::stream).map(PetitionSummary::authorId).toList());
		return new RoadmapResponse(mapper.summaries(lanes.get(PetitionStatus.PLANNED), authors),
				mapper.summaries(lanes.get(PetitionStatus.IN_PROGRESS), authors),
				mapper.summaries(lanes.get(PetitionStatus.SHIPPED), authors));
	}

	private PetitionResponse details(PetitionId id, MemberPrincipal me) {
		PetitionDetails petition = queries.details(id);
		return mapper.details(petition, me == null ? null : viewer(me, id),
				reputation.standings(List.of(petition.authorId())));
	}

	private ViewerState viewer(MemberPrincipal me, PetitionId id) {
		return new ViewerState(voting.hasVoted(me.memberId(), id),
				following.mode(me.actor(), id).name().toLowerCase(java.util.Locale.ROOT));
	}

	private static VoteResponse vote(VoteState state) {
		return new VoteResponse(state.voted(), state.votes());
	}
}
