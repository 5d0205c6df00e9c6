package com.forum.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.forum.member.MemberId;
import com.forum.notification.Notification;
import com.forum.petition.DeviceCount;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionHistory;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionNote;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSummary;
import com.forum.petition.ReleaseId;
import com.forum.petition.ReleaseNote;
import com.forum.petition.ReleaseSummary;
import com.forum.petition.TriageDashboard;
import com.forum.petition.TriageItem;
import com.forum.reputation.Standings;
import com.forum.search.SimilarPetition;
import com.forum.web.api.PetitionDtos.AuthorRef;
import com.forum.web.api.PetitionDtos.CreditResponse;
import com.forum.web.api.PetitionDtos.DashboardResponse;
import com.forum.web.api.PetitionDtos.DeviceCountResponse;
import com.forum.web.api.PetitionDtos.HistoryResponse;
import com.forum.web.api.PetitionDtos.NoteResponse;
import com.forum.web.api.PetitionDtos.NotificationResponse;
import com.forum.web.api.PetitionDtos.PetitionResponse;
import com.forum.web.api.PetitionDtos.PetitionSummaryResponse;
import com.forum.web.api.PetitionDtos.ReleaseResponse;
import com.forum.web.api.PetitionDtos.ReleaseSummaryResponse;
import com.forum.web.api.PetitionDtos.SimilarPetitionResponse;
import com.forum.web.api.PetitionDtos.TriageItemResponse;
import com.forum.web.api.PetitionDtos.ViewerState;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface PetitionApiMapper {

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "author", expression = "java(author(petition.authorId(), petition.authorName()))")
	@Mapping(target = "authorLevel", expression = "java(standings.level(petition.authorId()))")
	PetitionSummaryResponse summary(PetitionSummary petition, @Context Standings standings);

	@Mapping(target = "id", source = "petition.id.value")
	@Mapping(target = "boardId", source = "petition.boardId.value")
	@Mapping(target = "author", expression = "java(author(petition.authorId(), petition.authorName()))")
	@Mapping(target = "duplicateOfId", source = "petition.duplicateOf")
	@Mapping(target = "releaseId", source = "petition.releaseId")
	@Mapping(target = "authorLevel", expression = "java(standings.level(petition.authorId()))")
	PetitionResponse details(PetitionDetails petition, ViewerState viewer, @Context Standings standings);

	DeviceCountResponse device(DeviceCount count);

	@Mapping(target = "actor", expression = "java(author(entry.actorId(), entry.actorName()))")
	HistoryResponse history(PetitionHistory entry);

	@Mapping(target = "author", expression = "java(author(note.authorId(), note.authorName()))")
	NoteResponse note(PetitionNote note);

	@Mapping(target = "assignee", expression = "java(item.assigneeId() == null ? null : author(item.assigneeId(), item.assigneeName()))")
	@Mapping(target = "scheduledReleaseId", source = "scheduledIn")
	TriageItemResponse triage(TriageItem item, @Context Standings standings);

	@Mapping(target = "id", source = "petitionId.value")
	SimilarPetitionResponse similar(SimilarPetition petition);

	@Mapping(target = "id", source = "id.value")
	ReleaseSummaryResponse release(ReleaseSummary release);

	@Mapping(target = "id", source = "id.value")
	ReleaseResponse release(ReleaseNote release, @Context Standings standings);

	CreditResponse credit(ReleaseNote.Credit credit, @Context Standings standings);

	@Mapping(target = "unread", expression = "java(notification.unread())")
	NotificationResponse notification(Notification notification);

	default DashboardResponse dashboard(TriageDashboard d, Standings standings) {
		Map<String, Long> funnel = new LinkedHashMap<>();
		d.funnel().forEach((status, count) -> funnel.put(status(status), count));
		return new DashboardResponse(d.petitions(), d.due(), d.answeredInTime(), d.shareAnsweredInTime(),
				d.medianFirstResponse() == null ? null : d.medianFirstResponse().toSeconds(), d.overdue(), funnel,
				d.acceptanceRate(), summaries(d.topByVotes(), standings), summaries(d.topTrending(), standings));
	}

	List<PetitionSummaryResponse> summaries(List<PetitionSummary> petitions, @Context Standings standings);

	default AuthorRef author(MemberId id, String username) {
		return new AuthorRef(id.value(), username);
	}

	default String status(PetitionStatus status) {
		return status == null ? null : status.name().toLowerCase(Locale.ROOT);
	}

	default Long id(PetitionId id) {
		return id == null ? null : id.value();
	}

	default Long id(ReleaseId id) {
		return id == null ? null : id.value();
	}
}
