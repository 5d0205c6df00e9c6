package com.forum.web.api;

import java.net.URI;

import com.forum.conversation.Blocks;
import com.forum.conversation.ConversationId;
import com.forum.conversation.ConversationQueries;
import com.forum.conversation.Conversations;
import com.forum.web.api.ConversationDtos.BlockedResponse;
import com.forum.web.api.ConversationDtos.ConversationResponse;
import com.forum.web.api.ConversationDtos.ConversationSummaryResponse;
import com.forum.web.api.ConversationDtos.MessageSentResponse;
import com.forum.web.api.ConversationDtos.ReportConversationRequest;
import com.forum.web.api.ConversationDtos.ReportResponse;
import com.forum.web.api.ConversationDtos.SendMessageRequest;
import com.forum.web.api.ConversationDtos.StartConversationRequest;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Private messages. A conversation is shown to its participants only: everybody else, staff included,
 * is answered 404, until a participant reports it; moderators then read it (read-only) under
 * {@code /api/v1/moderation/conversations}, and each read is audited.
 */
@RestController
@Tag(name = "Private messages", description = "Conversations between members, blocking and reports")
class ConversationsApi {

	private final Conversations conversations;

	private final ConversationQueries queries;

	private final Blocks blocks;

	private final ConversationApiMapper mapper;

	private final PrivilegeGate privileges;

	ConversationsApi(Conversations conversations, ConversationQueries queries, Blocks blocks,
			ConversationApiMapper mapper, PrivilegeGate privileges) {
		this.conversations = conversations;
		this.queries = queries;
		this.blocks = blocks;
		this.mapper = mapper;
		this.privileges = privileges;
	}

	@GetMapping("/api/v1/conversations")
	@Operation(summary = "The signed-in member's conversations, newest activity first, with unread counts")
	PageResponse<ConversationSummaryResponse> inbox(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(queries.inbox(me.memberId(), page - 1, size), mapper::summary);
	}

	@PostMapping("/api/v1/conversations")
	@Operation(summary = "Start a conversation with one or more members (needs start-conversations)")
	ResponseEntity<ConversationResponse> start(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody StartConversationRequest request) {
		ConversationId id = conversations.start(privileges.actor(me), request.recipients(), request.subject(),
				request.body());
		return ResponseEntity.created(URI.create("/api/v1/conversations/" + id))
			.body(mapper.conversation(queries.conversation(privileges.actor(me), id)));
	}

	@GetMapping("/api/v1/conversations/{id}")
	@Operation(summary = "A conversation with its messages, for a participant")
	ConversationResponse conversation(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return mapper.conversation(queries.conversation(privileges.actor(me), new ConversationId(id)));
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	@Operation(summary = "Send a message in a conversation one takes part in")
	ResponseEntity<MessageSentResponse> send(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody SendMessageRequest request) {
		long message = conversations.reply(privileges.actor(me), new ConversationId(id), request.body());
		return ResponseEntity.created(URI.create("/api/v1/conversations/" + id))
			.body(new MessageSentResponse(id, message));
	}

	@PostMapping("/api/v1/conversations/{id}/read")
	@Operation(summary = "Mark everything delivered so far read")
	ResponseEntity<Void> read(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		conversations.markRead(privileges.actor(me), new ConversationId(id));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/conversations/{id}/participants/me")
	@Operation(summary = "Leave the conversation; the others see that one left")
	ResponseEntity<Void> leave(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		conversations.leave(privileges.actor(me), new ConversationId(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/conversations/{id}/reports")
	@Operation(summary = "Report the conversation (reason spam, harassment or other with a note): moderators may then read it")
	ResponseEntity<Void> report(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody ReportConversationRequest request) {
		conversations.report(privileges.actor(me), new ConversationId(id), request.reason(), request.note());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/members/me/blocks")
	@Operation(summary = "The members the signed-in member blocks (nobody else sees this list)")
	BlockedResponse blocked(@AuthenticationPrincipal MemberPrincipal me) {
		return new BlockedResponse(blocks.blockedBy(me.memberId()));
	}

	@PutMapping("/api/v1/members/{username}/block")
	@Operation(summary = "Block a member: they cannot start a conversation with you, and their messages are not delivered to you")
	ResponseEntity<Void> block(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String username) {
		blocks.block(privileges.actor(me), username);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/members/{username}/block")
	@Operation(summary = "Unblock a member")
	ResponseEntity<Void> unblock(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String username) {
		blocks.unblock(privileges.actor(me), username);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/moderation/conversations")
	@Operation(summary = "Reported conversations, newest report first (moderators)")
	PageResponse<ReportResponse> reports(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(queries.reports(privileges.actor(me), page - 1, size), mapper::report);
	}

	@GetMapping("/api/v1/moderation/conversations/{id}")
	@Operation(summary = "A reported conversation, read-only; the read is written to the audit log (moderators)")
	ConversationResponse reported(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return mapper.conversation(conversations.readReported(privileges.actor(me), new ConversationId(id)));
	}
}
