package com.forum.web.api;

import com.forum.conversation.ConversationDetails;
import com.forum.conversation.ConversationMessage;
import com.forum.conversation.ConversationReportView;
import com.forum.conversation.ConversationSummary;
import com.forum.web.api.ConversationDtos.ConversationResponse;
import com.forum.web.api.ConversationDtos.ConversationSummaryResponse;
import com.forum.web.api.ConversationDtos.MessageResponse;
import com.forum.web.api.ConversationDtos.ParticipantResponse;
import com.forum.web.api.ConversationDtos.ReportResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ConversationApiMapper {

	@Mapping(target = "id", source = "id.value")
	ConversationSummaryResponse summary(ConversationSummary summary);

	@Mapping(target = "id", source = "id.value")
	ConversationResponse conversation(ConversationDetails details);

	ParticipantResponse participant(ConversationDetails.Participant participant);

	@Mapping(target = "author", source = "authorName")
	@Mapping(target = "kind", expression = "java(message.left() ? \"left\" : \"message\")")
	MessageResponse message(ConversationMessage message);

	@Mapping(target = "conversationId", source = "conversationId.value")
	@Mapping(target = "reporter", source = "reporterName")
	@Mapping(target = "reason", expression = "java(report.reason().id())")
	ReportResponse report(ConversationReportView report);
}
