package com.forum.web.api;

import java.time.Instant;

import com.forum.audit.AuditEntry;
import com.forum.audit.StaffAudit;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of staff actions, for admins. */
@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Admin: audit log", description = "Staff actions: moderation, triage, exports, releases, points adjustments")
class AuditApi {

	private final StaffAudit audit;

	private final MemberDirectory members;

	AuditApi(StaffAudit audit, MemberDirectory members) {
		this.audit = audit;
		this.members = members;
	}

	@GetMapping
	@Operation(summary = "Staff actions, newest first, optionally of one action (e.g. post.deleted) or one actor")
	PageResponse<AuditEntryResponse> list(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Size(max = 40) @Pattern(regexp = "[a-z.-]+") String action,
			@RequestParam(required = false) @Size(max = 32) String actor,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		MemberId actorId = actor == null || actor.isBlank() ? null : members.profile(actor.strip()).id();
		return PageResponse.of(audit.entries(me.actor(), action, actorId, page - 1, size), AuditEntryResponse::of);
	}

	record AuditEntryResponse(long id, Instant at, Long actorId, String actor, String action, String subject,
			String details) {

		static AuditEntryResponse of(AuditEntry entry) {
			return new AuditEntryResponse(entry.id(), entry.at(), entry.actorId() == null ? null : entry.actorId().value(),
					entry.actorName(), entry.action(), entry.subject(), entry.details());
		}
	}
}
