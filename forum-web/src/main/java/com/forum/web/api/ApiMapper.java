package com.forum.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.forum.board.BoardSummary;
import com.forum.discussion.QuotedReply;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.ReplyId;
import com.forum.discussion.Revision;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.member.MemberName;
import com.forum.member.MemberProfile;
import com.forum.notification.NotificationChannel;
import com.forum.notification.NotificationKind;
import com.forum.reputation.HeldBadge;
import com.forum.reputation.Standing;
import com.forum.reputation.Standings;
import com.forum.search.BoardFacet;
import com.forum.search.FacetCount;
import com.forum.search.SearchHit;
import com.forum.web.api.ApiDtos.AuthorResponse;
import com.forum.web.api.ApiDtos.BoardFacetResponse;
import com.forum.web.api.ApiDtos.FacetCountResponse;
import com.forum.web.api.ApiDtos.BoardResponse;
import com.forum.web.api.ApiDtos.MemberResponse;
import com.forum.web.api.ApiDtos.MemberSuggestionsResponse;
import com.forum.web.api.ApiDtos.NotificationPreferencesResponse;
import com.forum.web.api.ApiDtos.QuoteResponse;
import com.forum.web.api.ApiDtos.ReplyResponse;
import com.forum.web.api.ApiDtos.RevisionResponse;
import com.forum.web.api.ApiDtos.SearchHitResponse;
import com.forum.web.api.ApiDtos.ThreadResponse;
import com.forum.web.api.ApiDtos.ThreadSummaryResponse;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ApiMapper {

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "kind", expression = "java(board.kind().name().toLowerCase())")
	BoardResponse board(BoardSummary board);

	@Mapping(target = "id", source = "id.value")
	AuthorResponse suggestion(MemberName member);

	default MemberSuggestionsResponse suggestions(List<MemberName> members) {
		return new MemberSuggestionsResponse(members.stream().map(this::suggestion).toList());
	}

	/** Kinds by their ids, in the kinds' order, each with its channel's id. */
	default NotificationPreferencesResponse preferences(Map<NotificationKind, NotificationChannel> channels) {
		Map<String, String> ids = new LinkedHashMap<>();
		channels.forEach((kind, channel) -> ids.put(kind.id(), channel.id()));
		return new NotificationPreferencesResponse(ids);
	}

	@Mapping(target = "id", source = "member.id.value")
	@Mapping(target = "role", expression = "java(member.role().name().toLowerCase())")
	@Mapping(target = "level", source = "standing.level.number")
	@Mapping(target = "reputation", source = "standing.reputation")
	@Mapping(target = "badges", expression = "java(badges.stream().map(held -> held.badge().id()).toList())")
	MemberResponse member(MemberProfile member, Standing standing, List<HeldBadge> badges);

	/** Authors' levels come from standings read for the whole response at once. */
	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "author", expression = "java(author(topic.authorId(), topic.authorName()))")
	@Mapping(target = "authorLevel", expression = "java(standings.level(topic.authorId()))")
	ThreadSummaryResponse threadSummary(TopicSummary topic, @Context Standings standings);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "author", expression = "java(author(topic.authorId(), topic.authorName()))")
	@Mapping(target = "authorLevel", expression = "java(standings.level(topic.authorId()))")
	@Mapping(target = "solved", expression = "java(topic.solved())")
	ThreadResponse thread(TopicDetails topic, @Context Standings standings);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "threadId", source = "topicId.value")
	@Mapping(target = "author", expression = "java(author(reply.authorId(), reply.authorName()))")
	@Mapping(target = "authorLevel", expression = "java(standings.level(reply.authorId()))")
	ReplyResponse reply(ReplyDetails reply, @Context Standings standings);

	@Mapping(target = "replyId", source = "id.value")
	@Mapping(target = "author", source = "authorName")
	QuoteResponse quote(QuotedReply quote);

	@Mapping(target = "editedBy", expression = "java(author(revision.editedBy(), revision.editedByName()))")
	RevisionResponse revision(Revision revision);

	@Mapping(target = "threadId", source = "topicId.value")
	@Mapping(target = "replyId", source = "replyId.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "threadTitle", source = "topicTitle")
	@Mapping(target = "author", source = "authorName")
	@Mapping(target = "authorId", source = "authorId.value")
	@Mapping(target = "authorLevel", expression = "java(hit.authorId() == null ? null : standings.level(hit.authorId()))")
	@Mapping(target = "type", expression = "java(hit.type().key())")
	@Mapping(target = "petitionId", source = "petitionId.value")
	SearchHitResponse searchHit(SearchHit hit, @Context Standings standings);

	FacetCountResponse facetCount(FacetCount count);

	@Mapping(target = "boardId", source = "boardId.value")
	BoardFacetResponse facet(BoardFacet facet);

	default AuthorResponse author(MemberId id, String username) {
		return new AuthorResponse(id.value(), username);
	}

	default Long acceptedReplyId(ReplyId id) {
		return id == null ? null : id.value();
	}
}
