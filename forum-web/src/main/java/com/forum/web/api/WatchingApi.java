package com.forum.web.api;

import java.util.List;
import java.util.Map;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberProfile;
import com.forum.member.MemberProfiles;
import com.forum.member.ProfileFields;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.watching.Following;
import com.forum.watching.NotificationLevel;
import com.forum.watching.ReadingProgress;
import com.forum.watching.ThreadLevel;
import com.forum.watching.UnreadCount;
import com.forum.watching.Watching;
import com.forum.web.api.ApiDtos.ThreadSummaryResponse;
import com.forum.web.api.WatchingDtos.DismissedResponse;
import com.forum.web.api.WatchingDtos.FollowResponse;
import com.forum.web.api.WatchingDtos.NotificationLevelRequest;
import com.forum.web.api.WatchingDtos.NotificationLevelResponse;
import com.forum.web.api.WatchingDtos.ProfileFieldsRequest;
import com.forum.web.api.WatchingDtos.ProfileFieldsResponse;
import com.forum.web.api.WatchingDtos.UnreadThreadResponse;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
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
 * Watching threads and boards, the new and unread lists, following members and the profile's fields.
 * The lists' literal paths ({@code /threads/new}) win over {@code /threads/{id}}, whose id is a number.
 */
@RestController
@Tag(name = "Watching", description = "Notification levels, new and unread threads, following, profile fields")
class WatchingApi {

	private final Watching watching;

	private final ReadingProgress reading;

	private final Following following;

	private final MemberProfiles profiles;

	private final MemberDirectory members;

	private final DiscussionQueries discussions;

	private final BoardCatalog boards;

	private final ApiMapper mapper;

	private final Reputation reputation;

	private final RateLimits limits;

	private final PrivilegeGate privileges;

	WatchingApi(Watching watching, ReadingProgress reading, Following following, MemberProfiles profiles,
			MemberDirectory members, DiscussionQueries discussions, BoardCatalog boards, ApiMapper mapper,
			Reputation reputation, RateLimits limits, PrivilegeGate privileges) {
		this.watching = watching;
		this.reading = reading;
		this.following = following;
		this.profiles = profiles;
		this.members = members;
		this.discussions = discussions;
		this.boards = boards;
		this.mapper = mapper;
		this.reputation = reputation;
		this.limits = limits;
		this.privileges = privileges;
	}

	@PutMapping("/api/v1/threads/{id}/notification-level")
	@Operation(summary = "Watch, track, mute a thread or follow it normally; overrides the board's level",
			description = "Levels: watching (every new reply), tracking (unread counts), normal (replies to you and "
					+ "mentions), muted (out of new and unread, mentions only).")
	NotificationLevelResponse threadLevel(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody NotificationLevelRequest request) {
		NotificationLevel level = Watching.level(request.level());
		limits.followingChange(me.memberId());
		watching.setThreadLevel(me.memberId(), new TopicId(id), level);
		ThreadLevel now = watching.threadLevel(me.memberId(), new TopicId(id));
		return new NotificationLevelResponse(now.chosen() == null ? null : now.chosen().id(), now.effective().id());
	}

	@PutMapping("/api/v1/boards/{slug}/notification-level")
	@Operation(summary = "The level of every thread of a board that has none of its own")
	NotificationLevelResponse boardLevel(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String slug,
			@Valid @RequestBody NotificationLevelRequest request) {
		NotificationLevel level = Watching.level(request.level());
		BoardSummary board = boards.get(slug);
		limits.followingChange(me.memberId());
		watching.setBoardLevel(me.memberId(), board.id(), level);
		return new NotificationLevelResponse(level.id(), level.id());
	}

	@GetMapping("/api/v1/threads/new")
	@Operation(summary = "Threads others started lately that you have not opened, newest first; muted left out")
	PageResponse<ThreadSummaryResponse> newThreads(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return threads(reading.newThreads(me.memberId(), page - 1, size));
	}

	@PostMapping("/api/v1/threads/new/dismiss")
	@Operation(summary = "Empty the new list: threads started until now are not new any more")
	DismissedResponse dismissNew(@AuthenticationPrincipal MemberPrincipal me) {
		limits.followingChange(me.memberId());
		reading.dismissNew(me.memberId());
		return new DismissedResponse(0);
	}

	@GetMapping("/api/v1/threads/unread")
	@Operation(summary = "Tracked and watched threads with replies you have not read, most recently active first")
	PageResponse<UnreadThreadResponse> unreadThreads(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		Page<UnreadCount> unread = reading.unreadThreads(me.memberId(), page - 1, size);
		Map<TopicId, ThreadSummaryResponse> threads = summaries(unread.map(UnreadCount::topic).getContent());
		return PageResponse.of(unread.map(count -> new UnreadThreadResponse(threads.get(count.topic()), count.unread(),
				count.firstUnread() == null ? null : count.firstUnread().value(),
				count.firstUnread() == null ? null
						: "/threads/" + count.topic().value() + "?reply=" + count.firstUnread().value())),
				item -> item);
	}

	@PostMapping("/api/v1/threads/unread/dismiss")
	@Operation(summary = "Mark every tracked and watched thread read")
	DismissedResponse dismissUnread(@AuthenticationPrincipal MemberPrincipal me) {
		limits.followingChange(me.memberId());
		return new DismissedResponse(reading.dismissUnread(me.memberId()));
	}

	@PutMapping("/api/v1/members/{username}/follow")
	@Operation(summary = "Follow a member: their new threads fill your feed and notify you")
	FollowResponse follow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String username) {
		MemberProfile followee = members.publicProfile(username);
		limits.followingChange(me.memberId());
		following.follow(me.memberId(), followee.id());
		return new FollowResponse(followee.username(), true, following.followerCount(followee.id()));
	}

	@DeleteMapping("/api/v1/members/{username}/follow")
	@Operation(summary = "Stop following a member")
	FollowResponse unfollow(@AuthenticationPrincipal MemberPrincipal me, @PathVariable String username) {
		MemberProfile followee = members.publicProfile(username);
		limits.followingChange(me.memberId());
		following.unfollow(me.memberId(), followee.id());
		return new FollowResponse(followee.username(), false, following.followerCount(followee.id()));
	}

	@GetMapping("/api/v1/members/me/feed")
	@Operation(summary = "The threads of the members you follow, newest first")
	PageResponse<ThreadSummaryResponse> feed(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return threads(following.feed(me.memberId(), page - 1, size));
	}

	@PutMapping("/api/v1/members/me/profile")
	@Operation(summary = "Your bio (Markdown, links need the privilege), signature (one line) and device",
			description = "A blank or absent field is cleared; the device is one of the listed devices.")
	ProfileFieldsResponse profile(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody ProfileFieldsRequest request) {
		limits.followingChange(me.memberId());
		profiles.describe(privileges.actor(me), request.bio(), request.signature(), request.device());
		ProfileFields fields = profiles.fields(me.memberId());
		return new ProfileFieldsResponse(fields.bio(), fields.bioHtml(), fields.signature(), fields.device(),
				profiles.devices());
	}

	private PageResponse<ThreadSummaryResponse> threads(Page<TopicId> ids) {
		Map<TopicId, ThreadSummaryResponse> threads = summaries(ids.getContent());
		// a thread deleted since it was listed is left out rather than listed empty
		return new PageResponse<>(ids.getContent().stream().map(threads::get).filter(java.util.Objects::nonNull).toList(),
				ids.getNumber() + 1, ids.getSize(), ids.getTotalElements(), ids.getTotalPages());
	}

	private Map<TopicId, ThreadSummaryResponse> summaries(List<TopicId> ids) {
		List<TopicSummary> found = discussions.summaries(ids);
		Standings standings = reputation.standings(found.stream().map(TopicSummary::authorId).toList());
		return found.stream()
			.collect(java.util.stream.Collectors.toMap(TopicSummary::id, topic -> mapper.threadSummary(topic, standings)));
	}
}
