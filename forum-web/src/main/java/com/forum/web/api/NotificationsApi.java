package com.forum.web.api;

import com.forum.notification.NotificationPreferences;
import com.forum.notification.Notifications;
import com.forum.web.api.ApiDtos.NotificationPreferencesRequest;
import com.forum.web.api.ApiDtos.NotificationPreferencesResponse;
import com.forum.web.api.PetitionDtos.NotificationResponse;
import com.forum.web.api.PetitionDtos.UnreadCountResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The signed-in member's notification centre")
class NotificationsApi {

	private final Notifications notifications;

	private final PetitionApiMapper mapper;

	private final NotificationPreferences preferences;

	private final ApiMapper api;

	NotificationsApi(Notifications notifications, PetitionApiMapper mapper, NotificationPreferences preferences,
			ApiMapper api) {
		this.notifications = notifications;
		this.mapper = mapper;
		this.preferences = preferences;
		this.api = api;
	}

	@GetMapping("/preferences")
	@Operation(summary = "Where each kind of notification goes: centre, email or off")
	NotificationPreferencesResponse preferences(@AuthenticationPrincipal MemberPrincipal me) {
		return api.preferences(preferences.of(me.memberId()));
	}

	@PutMapping("/preferences")
	@Operation(summary = "Change where some kinds of notification go; the others keep theirs",
			description = "Kinds: reply, quote, mention, post-liked, answer-accepted, petition-status, petition-response, "
					+ "release-published, private-message, watched-reply, followed-thread, watched-thread. Channels: centre (the default; petition news: email), "
					+ "email (the centre and an e-mail, several within a short window sent as one digest), off.")
	NotificationPreferencesResponse changePreferences(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody NotificationPreferencesRequest request) {
		preferences.change(me.memberId(), request.channels());
		return preferences(me);
	}

	@GetMapping
	@Operation(summary = "Newest first")
	PageResponse<NotificationResponse> list(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(notifications.list(me.memberId(), unread, page - 1, size), mapper::notification);
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many are unread")
	UnreadCountResponse unreadCount(@AuthenticationPrincipal MemberPrincipal me) {
		return new UnreadCountResponse(notifications.unreadCount(me.memberId()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one as read")
	UnreadCountResponse read(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		notifications.markRead(me.memberId(), id);
		return unreadCount(me);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all as read")
	UnreadCountResponse readAll(@AuthenticationPrincipal MemberPrincipal me) {
		notifications.markAllRead(me.memberId());
		return unreadCount(me);
	}
}
