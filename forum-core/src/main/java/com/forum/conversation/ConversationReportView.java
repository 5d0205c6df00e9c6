package com.forum.conversation;

import java.time.Instant;

/** A report for the moderators' list. */
public record ConversationReportView(long id, ConversationId conversationId, String subject, String reporterName,
		ReportReason reason, String note, Instant createdAt) {
}
