package com.forum.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the petition, triage, release and notification endpoints. */
final class PetitionDtos {

	private PetitionDtos() {
	}

	record SubmitPetitionRequest(@NotNull @Positive Long boardId, @NotBlank @Size(min = 5, max = 150) String title,
			@NotBlank @Size(max = 20_000) String description, @Size(max = 60) String deviceModel,
			@Size(max = 60) String firmwareVersion, @Size(max = 5) Set<@NotBlank @Size(max = 30) String> tags) {
	}

	/** {@code authorLevel}: the author's level (1 to 10), from their reputation. */
	record PetitionSummaryResponse(long id, long boardId, String title, AuthorRef author, int authorLevel,
			String status, int votes, long recentVotes, List<String> tags, Instant createdAt, Instant statusChangedAt,
			Instant firstResponseAt) {
	}

	record AuthorRef(long id, String username) {
	}

	record DeviceCountResponse(String deviceModel, long backers) {
	}

	record ViewerState(boolean voted, String subscription) {
	}

	record PetitionResponse(long id, long boardId, String title, String description, String descriptionHtml,
			AuthorRef author, int authorLevel, String deviceModel, String firmwareVersion, List<String> tags,
			String status,
			Instant createdAt, Instant statusChangedAt, Instant firstResponseAt, Long duplicateOfId, Long releaseId,
			int votes, List<DeviceCountResponse> affectedDevices, ViewerState viewer) {
	}

	/** The official words as written ({@code response}, Markdown) and rendered as safe HTML. */
	record HistoryResponse(long id, AuthorRef actor, boolean official, String from, String to, boolean statusChange,
			String response, String responseHtml, Instant at) {
	}

	record VoteRequest(@Size(max = 60) String deviceModel) {
	}

	record VoteResponse(boolean voted, long votes) {
	}

	record SubscriptionRequest(@NotBlank String mode) {
	}

	record StatusChangeRequest(@NotBlank String status, @Size(max = 10_000) String response, @Positive Long releaseId,
			@Positive Long duplicateOfId) {
	}

	record BulkStatusRequest(@NotEmpty @Size(max = 200) List<@NotNull @Positive Long> petitionIds,
			@NotBlank String status, @Size(max = 10_000) String response, @Positive Long releaseId,
			@Positive Long duplicateOfId) {
	}

	record BulkStatusResponse(int changed) {
	}

	record ResponseRequest(@NotBlank @Size(max = 10_000) String response) {
	}

	record NoteRequest(@NotBlank @Size(max = 10_000) String body) {
	}

	record NoteResponse(long id, AuthorRef author, String body, Instant createdAt) {
	}

	record AssigneeRequest(@Size(max = 60) String team, @Positive Long assigneeId) {
	}

	/** {@code scheduledReleaseId}: the draft release the petition is to ship in when it is published. */
	record TriageItemResponse(PetitionSummaryResponse petition, String assigneeTeam, AuthorRef assignee,
			Instant responseDue, boolean overdue, Long scheduledReleaseId) {
	}

	record DashboardResponse(long petitions, long due, long answeredInTime, double shareAnsweredInTime,
			Long medianFirstResponseSeconds, long overdue, Map<String, Long> funnel, double acceptanceRate,
			List<PetitionSummaryResponse> topByVotes, List<PetitionSummaryResponse> topTrending) {
	}

	record VoteAuditResponse(boolean consistent, List<Map<String, Long>> mismatches) {
	}

	record SimilarPetitionResponse(long id, String title, String status, int votes, double score) {
	}

	record CreateReleaseRequest(@NotBlank @Size(max = 40) String version, Instant releaseAt,
			@Size(max = 20_000) String notes) {
	}

	record ShipRequest(@NotNull @Positive Long petitionId, @Size(max = 10_000) String response) {
	}

	record ReleaseSummaryResponse(long id, String version, Instant releaseAt, Instant publishedAt, long shipped) {
	}

	record CreditResponse(PetitionSummaryResponse petition, List<String> earliestBackers) {
	}

	/** The notes as written ({@code notes}, Markdown) and rendered as safe HTML. */
	record ReleaseResponse(long id, String version, Instant releaseAt, String notes, String notesHtml,
			Instant publishedAt, List<CreditResponse> shipped) {
	}

	record RoadmapResponse(List<PetitionSummaryResponse> planned, List<PetitionSummaryResponse> inProgress,
			List<PetitionSummaryResponse> shipped) {
	}

	record NotificationResponse(long id, String kind, String title, String body, String link, Instant createdAt,
			boolean unread) {
	}

	record UnreadCountResponse(long unread) {
	}
}
