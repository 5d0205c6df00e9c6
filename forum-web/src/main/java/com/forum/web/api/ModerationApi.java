package com.forum.web.api;

import com.forum.discussion.PostKind;
import com.forum.discussion.PostModeration;
import com.forum.discussion.ReviewItem;
import com.forum.discussion.TopicId;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.web.api.ModerationDtos.ReviewItemResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderators' review queue: flagged and hidden posts, kept or removed. */
@RestController
@RequestMapping("/api/v1/moderation")
@Tag(name = "Moderation", description = "Flagged and hidden posts waiting for a moderator")
class ModerationApi {

	private final PostModeration moderation;

	private final ModerationApiMapper mapper;

	private final Reputation reputation;

	ModerationApi(PostModeration moderation, ModerationApiMapper mapper, Reputation reputation) {
		this.moderation = moderation;
		this.mapper = mapper;
		this.reputation = reputation;
	}

	@GetMapping("/queue")
	@Operation(summary = "Posts with open flags or hidden pending review, the longest waiting first, optionally of "
			+ "one thread (moderators)")
	PageResponse<ReviewItemResponse> queue(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Positive Long threadId,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Page<ReviewItem> items = moderation.queue(me.actor(), threadId == null ? null : new TopicId(threadId), page - 1,
				size);
		Standings authors = reputation.standings(items.map(ReviewItem::authorId).toList());
		return PageResponse.of(items, item -> mapper.item(item, authors));
	}

	@PostMapping("/threads/{id}/keep")
	@Operation(summary = "Keep a thread's opening post: its flags are declined and, if hidden, it is shown again")
	ResponseEntity<Void> keepThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		moderation.keep(me.actor(), PostKind.TOPIC, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/threads/{id}/remove")
	@Operation(summary = "Remove a flagged thread (deleted as a moderator deletes it); its flags are agreed with")
	ResponseEntity<Void> removeThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		moderation.remove(me.actor(), PostKind.TOPIC, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/replies/{id}/keep")
	@Operation(summary = "Keep a reply: its flags are declined and, if hidden, it is shown again")
	ResponseEntity<Void> keepReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		moderation.keep(me.actor(), PostKind.REPLY, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/replies/{id}/remove")
	@Operation(summary = "Remove a flagged reply (deleted as a moderator deletes it); its flags are agreed with")
	ResponseEntity<Void> removeReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		moderation.remove(me.actor(), PostKind.REPLY, id);
		return ResponseEntity.noContent().build();
	}

	/** What a moderator may say when hiding a revision; the note is for staff only. */
	record HideRevisionRequest(@Size(max = 500) String note) {
	}

	@PostMapping("/revisions/{id}/hide")
	@Operation(summary = "Hide an earlier version of a post from the public history (e.g. a phone number edited "
			+ "out); staff still see it. Hiding again changes nothing")
	ResponseEntity<Void> hideRevision(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody(required = false) HideRevisionRequest request) {
		moderation.hideRevision(me.actor(), id, request == null ? null : request.note());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/revisions/{id}/show")
	@Operation(summary = "Show a hidden earlier version in the public history again")
	ResponseEntity<Void> showRevision(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		moderation.showRevision(me.actor(), id);
		return ResponseEntity.noContent().build();
	}
}
