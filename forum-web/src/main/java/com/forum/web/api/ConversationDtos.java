package com.forum.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The private messages API's bodies. */
final class ConversationDtos {

	private ConversationDtos() {
	}

	/** The size limits here only keep absurd bodies out; the configured limits are the service's. */
	record StartConversationRequest(@NotEmpty @Size(max = 200) List<@Size(max = 64) String> recipients,
			@NotBlank @Size(max = 150) String subject, @NotBlank @Size(max = 50_000) String body) {
	}

	record SendMessageRequest(@NotBlank @Size(max = 50_000) String body) {
	}

	record ReportConversationRequest(@NotBlank @Size(max = 32) String reason, @Size(max = 500) String note) {
	}

	record ConversationSummaryResponse(long id, String subject, List<String> others, Instant lastMessageAt,
			int unread) {
	}

	record ParticipantResponse(String username, boolean left) {
	}

	/** @param kind {@code message}, or {@code left} for the note that its author left */
	record MessageResponse(long id, String author, String kind, String body, String bodyHtml, Instant createdAt) {
	}

	record ConversationResponse(long id, String subject, Instant createdAt, List<ParticipantResponse> participants,
			List<MessageResponse> messages, int unread, boolean reported) {
	}

	record MessageSentResponse(long conversationId, long messageId) {
	}

	record ReportResponse(long id, long conversationId, String subject, String reporter, String reason, String note,
			Instant createdAt) {
	}

	record BlockedResponse(List<String> blocked) {
	}
}
