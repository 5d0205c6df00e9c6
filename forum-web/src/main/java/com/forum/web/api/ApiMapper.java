package com.forum.web.api;

import com.forum.board.BoardSummary;
import com.forum.discussion.QuotedReply;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.ReplyId;
import com.forum.discussion.Revision;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.member.MemberProfile;
import com.forum.search.BoardFacet;
import com.forum.search.SearchHit;
import com.forum.web.api.ApiDtos.AuthorResponse;
import com.forum.web.api.ApiDtos.BoardFacetResponse;
import com.forum.web.api.ApiDtos.BoardResponse;
import com.forum.web.api.ApiDtos.MemberResponse;
import com.forum.web.api.ApiDtos.QuoteResponse;
import com.forum.web.api.ApiDtos.ReplyResponse;
import com.forum.web.api.ApiDtos.RevisionResponse;
import com.forum.web.api.ApiDtos.SearchHitResponse;
import com.forum.web.api.ApiDtos.ThreadResponse;
import com.forum.web.api.ApiDtos.ThreadSummaryResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ApiMapper {

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "kind", expression = "java(board.kind().name().toLowerCase())")
	BoardResponse board(BoardSummary board);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "role", expression = "java(member.role().name().toLowerCase())")
	MemberResponse member(MemberProfile member);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "author", expression = "java(author(topic.authorId(), topic.authorName()))")
	ThreadSummaryResponse threadSummary(TopicSummary topic);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "boardId", source = "boardId.value")
	@Mapping(target = "author", expression = "java(author(topic.authorId(), topic.authorName()))")
	@Mapping(target = "solved", expression = "java(topic.solved())")
	ThreadResponse thread(TopicDetails topic);

	@Mapping(target = "id", source = "id.value")
	@Mapping(target = "threadId", source = "topicId.value")
	@Mapping(target = "author", expression = "java(author(reply.authorId(), reply.authorName()))")
	ReplyResponse reply(ReplyDetails reply);

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
	SearchHitResponse searchHit(SearchHit hit);

	@Mapping(target = "boardId", source = "boardId.value")
	BoardFacetResponse facet(BoardFacet facet);

	default AuthorResponse author(MemberId id, String username) {
		return new AuthorResponse(id.value(), username);
	}

	default Long acceptedReplyId(ReplyId id) {
		return id == null ? null : id.value();
	}
}
