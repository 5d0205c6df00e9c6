package com.forum.web.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.forum.board.BoardId;
import com.forum.member.MemberId;
import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionSummary;
import com.forum.petition.PetitionTriage;
import com.forum.petition.TriageExports;
import com.forum.petition.TriageDashboard;
import com.forum.petition.TriageItem;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.web.api.PetitionDtos.BulkStatusRequest;
import com.forum.web.api.PetitionDtos.BulkStatusResponse;
import com.forum.web.api.PetitionDtos.DashboardResponse;
import com.forum.web.api.PetitionDtos.TriageItemResponse;
import com.forum.web.api.PetitionDtos.VoteAuditResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "Triage", description = "Employees only: the queue, bulk decisions, service-level figures, exports")
class TriageApi {

	private final PetitionTriage triage;

	private final PetitionApiMapper mapper;

	private final Reputation reputation;

	private final TriageExports exports;

	TriageApi(PetitionTriage triage, PetitionApiMapper mapper, Reputation reputation, TriageExports exports) {
		this.exports = exports;
		this.triage = triage;
		this.mapper = mapper;
		this.reputation = reputation;
	}

	@GetMapping("/petitions")
	@Operation(summary = "The triage queue, oldest first by default, with filters")
	PageResponse<TriageItemResponse> queue(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Positive Long boardId, @RequestParam(required = false) List<String> status,
			@RequestParam(required = false) @Size(max = 30) String tag,
			@RequestParam(required = false) @Min(0) @Max(3650) Integer olderThanDays,
			@RequestParam(required = false) @Min(0) Integer minVotes,
			@RequestParam(required = false) @Size(max = 60) String team,
			@RequestParam(required = false) @Positive Long assigneeId,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "oldest") String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		PetitionFilter filter = new PetitionFilter(boardId == null ? null : new BoardId(boardId),
				ApiParameters.petitionStatuses(status), tag, olderThanDays == null ? null : Duration.ofDays(olderThanDays),
				minVotes, team, assigneeId == null ? null : new MemberId(assigneeId), overdue, null);
		Page<TriageItem> items = queue(me, filter, sort, page, size);
		Standings authors = reputation.standings(items.map(item -> item.petition().authorId()).toList());
		return PageResponse.of(items, item -> mapper.triage(item, authors));
	}

	@PostMapping("/bulk-status")
	@Operation(summary = "One decision for many petitions, all or nothing")
	BulkStatusResponse bulk(@AuthenticationPrincipal MemberPrincipal me, @Valid @RequestBody BulkStatusRequest request) {
		int changed = triage.bulkChangeStatus(me.actor(),
				request.petitionIds().stream().map(PetitionId::new).toList(), ApiParameters.statusChange(
						request.status(), request.response(), request.releaseId(), request.duplicateOfId()));
		return new BulkStatusResponse(changed);
	}

	@GetMapping("/dashboard")
	@Operation(summary = "Share answered within the deadline, median first response, funnel, acceptance rate, top petitions")
	DashboardResponse dashboard(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Positive Long boardId) {
		TriageDashboard dashboard = triage.dashboard(me.actor(), boardId == null ? null : new BoardId(boardId));
		return mapper.dashboard(dashboard, reputation.standings(Stream.concat(dashboard.topByVotes().stream(),
				dashboard.topTrending().stream()).map(PetitionSummary::authorId).toList()));
	}

	@GetMapping("/vote-audit")
	@Operation(summary = "Compare every stored vote count with the vote facts")
	VoteAuditResponse voteAudit(@AuthenticationPrincipal MemberPrincipal me) {
		var mismatches = triage.voteAudit(me.actor()).stream()
			.map(m -> Map.of("petitionId", m.petition().value(), "stored", m.stored(), "facts", m.facts()))
			.toList();
		return new VoteAuditResponse(mismatches.isEmpty(), mismatches);
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "The queue as CSV; public fields and assignment only, never internal notes")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Positive Long boardId, @RequestParam(required = false) List<String> status) {
		PetitionFilter filter = new PetitionFilter(boardId == null ? null : new BoardId(boardId),
				ApiParameters.petitionStatuses(status), null, null, null, null, null, false, null);
		StringBuilder csv = new StringBuilder("id,title,status,votes,author,created_at,first_response_at,team,assignee\n");
		int rows = 0;
		for (TriageItem item : queue(me, filter, "oldest", 1, 10_000)) {
			rows++;
			var p = item.petition();
			csv.append(p.id()).append(',').append(Csv.field(p.title())).append(',')
				.append(p.status().name().toLowerCase()).append(',').append(p.votes()).append(',')
				.append(Csv.field(p.authorName())).append(',').append(p.createdAt()).append(',')
				.append(p.firstResponseAt() == null ? "" : p.firstResponseAt()).append(',')
				.append(Csv.field(item.assigneeTeam())).append(',').append(Csv.field(item.assigneeName()))
				.append('\n');
		}
		exports.exported(me.actor(), rows,
				"boardId=" + (boardId == null ? "" : boardId) + " status=" + (status == null ? "" : String.join(",", status)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=petitions.csv")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private Page<TriageItem> queue(MemberPrincipal me, PetitionFilter filter, String sort, int page, int size) {
		return triage.queue(me.actor(), filter, ApiParameters.petitionOrder(sort), page - 1, size);
	}
}
