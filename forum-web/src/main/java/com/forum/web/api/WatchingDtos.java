package com.forum.web.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.forum.web.api.ApiDtos.ThreadSummaryResponse;

/** Requests and responses of watching, unread lists, following and profile fields. */
final class WatchingDtos {

	private WatchingDtos() {
	}

	record NotificationLevelRequest(@NotBlank @Size(max = 20) String level) {
	}

	/**
	 * @param level the level chosen for the thread or board itself (null when a thread follows its board)
	 * @param effective the level in effect
	 */
	record NotificationLevelResponse(String level, String effective) {
	}

	/** @param firstUnreadLink the address of the first unread reply, where a reader resumes */
	record UnreadThreadResponse(ThreadSummaryResponse thread, long unreadReplies, Long firstUnreadReplyId,
			String firstUnreadLink) {
	}

	record DismissedResponse(int threads) {
	}

	record FollowResponse(String username, boolean following, long followers) {
	}

	/** Blank or absent fields are cleared. */
	record ProfileFieldsRequest(@Size(max = 5000) String bio, @Size(max = 1000) String signature,
			@Size(max = 100) String device) {
	}

	record ProfileFieldsResponse(String bio, String bioHtml, String signature, String device, List<String> devices) {
	}
}
