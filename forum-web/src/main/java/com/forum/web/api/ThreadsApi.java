package com.forum.web.api;

import java.net.URI;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.LikeState;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostModeration;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.poll.Polls;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.web.api.ApiDtos.AcceptAnswerRequest;
import com.forum.web.api.ApiDtos.CreateReplyRequest;
import com.forum.web.api.ApiDtos.CreateThreadRequest;
import com.forum.web.api.ApiDtos.EditReplyRequest;
import com.forum.web.api.ApiDtos.EditThreadRequest;
import com.forum.web.api.ApiDtos.LikeResponse;
import com.forum.web.api.ApiDtos.ReplyResponse;
import com.forum.web.api.ApiDtos.RevisionResponse;
import com.forum.web.api.ApiDtos.ThreadResponse;
import com.forum.web.api.ApiDtos.ThreadSummaryResponse;
import com.forum.web.api.ModerationDtos.FlagRequest;
import com.forum.web.api.ModerationDtos.FlagResponse;
import com.forum.web.api.ModerationDtos.HideRequest;
import com.forum.web.cache.CachedPage;
import com.forum.web.cache.PageTags;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/threads")
@Tag(name = "Threads", description = "Threads, replies, likes, moderation and accepted answers")
class ThreadsApi {

	private final Discussions discussions;

	private final DiscussionQueries queries;

	private final ApiMapper mapper;

	private final PrivilegeGate privileges;

	private final Reputation reputation;

	private final PostModeration moderation;

	private final ModerationApiMapper moderationMapper;

	private final Polls polls;

	ThreadsApi(Discussions discussions, DiscussionQueries queries, ApiMapper mapper, PrivilegeGate privileges,
			Reputation reputation, PostModeration moderation, ModerationApiMapper moderationMapper, Polls polls) {
		this.polls = polls;
		this.moderation = moderation;
		this.moderationMapper = moderationMapper;
		this.discussions = discussions;
		this.queries = queries;
		this.mapper = mapper;
		this.privileges = privileges;
		this.reputation = reputation;
	}

	@GetMapping
	@Operation(summary = "Threads, optionally of one board")
	PageResponse<ThreadSummaryResponse> threads(@RequestParam(required = false) @Positive Long boardId,
			@Parameter(description = "latest, hot, newest, week (hot this week) or featured (the featured threads alone)") @RequestParam(defaultValue = "latest") String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, HttpServletRequest request) {
		BoardId board = boardId == null ? null : new BoardId(boardId);
		Page<TopicSummary> topics = queries.topics(board, ApiParameters.order(sort), page - 1, size);
		List<MemberId> authorIds = topics.map(TopicSummary::authorId).toList();
		Standings authors = reputation.standings(authorIds);
		CachedPage.dependsOn(request,
				PageTags.of(authorIds, board == null ? PageTags.LATEST : PageTags.board(board)));
		return PageResponse.of(topics, topic -> mapper.threadSummary(topic, authors));
	}

	@PostMapping
	@Operation(summary = "Start a thread, optionally with a poll (its thread and poll are written together or not at all)")
	ResponseEntity<ThreadResponse> start(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @RequestBody CreateThreadRequest request) {
		TopicId id = request.poll() == null
				? discussions.startTopic(privileges.actor(me), new BoardId(request.boardId()), request.title(),
						request.body())
				: polls.startThread(privileges.actor(me), new BoardId(request.boardId()), request.title(),
						request.body(), request.poll().draft());
		return ResponseEntity.created(URI.create("/api/v1/threads/" + id)).body(threadResponse(me, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One thread with its opening post; a post hidden pending review (hidden) has no body "
			+ "except for its author and moderators")
	ThreadResponse thread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return threadResponse(me, new TopicId(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a thread's title and opening post (author or moderator); the old text is kept")
	ThreadResponse edit(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody EditThreadRequest request) {
		discussions.editTopic(privileges.actor(me), new TopicId(id), request.title(), request.body());
		return threadResponse(me, new TopicId(id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a thread (author or moderator)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.deleteTopic(me.actor(), new TopicId(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/revisions")
	@Operation(summary = "Earlier versions of the opening post, newest first")
	PageResponse<RevisionResponse> revisions(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		if (shownTo(me, queries.topic(new TopicId(id))).withheld()) {
			return PageResponse.all(List.of());
		}
		return PageResponse.all(queries.revisions(PostKind.TOPIC, id, seesHiddenRevisions(me)).stream().map(mapper::revision).toList());
	}

	@PutMapping("/{id}/like")
	@Operation(summary = "Like the opening post; repeating it changes nothing")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	LikeResponse likeThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return like(discussions.like(me.actor(), new TopicId(id), null));
	}

	@DeleteMapping("/{id}/like")
	@Operation(summary = "Take back a like of the opening post")
	LikeResponse unlikeThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return like(discussions.unlike(me.actor(), new TopicId(id), null));
	}

	@PutMapping("/{id}/pin")
	@Operation(summary = "Pin a thread to the top of its board (moderators)")
	ThreadResponse pin(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.pin(me.actor(), new TopicId(id), true);
		return threadResponse(me, new TopicId(id));
	}

	@DeleteMapping("/{id}/pin")
	@Operation(summary = "Unpin a thread (moderators)")
	ThreadResponse unpin(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.pin(me.actor(), new TopicId(id), false);
		return threadResponse(me, new TopicId(id));
	}

	@PutMapping("/{id}/feature")
	@Operation(summary = "Feature a thread (精华): it joins the featured list (moderators)")
	ThreadResponse feature(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.feature(me.actor(), new TopicId(id), true);
		return threadResponse(me, new TopicId(id));
	}

	@DeleteMapping("/{id}/feature")
	@Operation(summary = "Take a thread off the featured list (moderators)")
	ThreadResponse unfeature(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.feature(me.actor(), new TopicId(id), false);
		return threadResponse(me, new TopicId(id));
	}

	@PutMapping("/{id}/lock")
	@Operation(summary = "Lock a thread against new replies (moderators)")
	ThreadResponse lock(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.lock(me.actor(), new TopicId(id), true);
		return threadResponse(me, new TopicId(id));
	}

	@DeleteMapping("/{id}/lock")
	@Operation(summary = "Unlock a thread (moderators)")
	ThreadResponse unlock(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		discussions.lock(me.actor(), new TopicId(id), false);
		return threadResponse(me, new TopicId(id));
	}

	@GetMapping("/{id}/replies")
	@Operation(summary = "Replies in order; deleted replies keep their place without content")
	PageResponse<ReplyResponse> replies(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, HttpServletRequest request) {
		Page<ReplyDetails> replies = queries.replies(new TopicId(id), page - 1, size);
		List<MemberId> authorIds = replies.map(ReplyDetails::authorId).toList();
		Standings authors = reputation.standings(authorIds);
		CachedPage.dependsOn(request, PageTags.of(authorIds, PageTags.topic(new TopicId(id))));
		return PageResponse.of(replies, reply -> mapper.reply(shownTo(me, reply), authors));
	}

	@PostMapping("/{id}/replies")
	@Operation(summary = "Reply, optionally quoting an earlier reply")
	ResponseEntity<ReplyResponse> reply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody CreateReplyRequest request) {
		TopicId topic = new TopicId(id);
		ReplyId quoted = request.quotedReplyId() == null ? null : new ReplyId(request.quotedReplyId());
		ReplyId reply = discussions.reply(privileges.actor(me), topic, request.body(), quoted);
		return ResponseEntity.created(URI.create("/api/v1/threads/" + id + "/replies/" + reply))
			.body(replyResponse(me, topic, reply));
	}

	@GetMapping("/{id}/replies/{replyId}")
	@Operation(summary = "One reply")
	ReplyResponse reply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId) {
		return replyResponse(me, new TopicId(id), new ReplyId(replyId));
	}

	@PutMapping("/{id}/replies/{replyId}")
	@Operation(summary = "Edit a reply (author or moderator); the old text is kept")
	ReplyResponse editReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId, @Valid @RequestBody EditReplyRequest request) {
		discussions.editReply(privileges.actor(me), new TopicId(id), new ReplyId(replyId), request.body());
		return replyResponse(me, new TopicId(id), new ReplyId(replyId));
	}

	@DeleteMapping("/{id}/replies/{replyId}")
	@Operation(summary = "Delete a reply (author or moderator)")
	ResponseEntity<Void> deleteReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId) {
		discussions.deleteReply(me.actor(), new TopicId(id), new ReplyId(replyId));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/replies/{replyId}/revisions")
	@Operation(summary = "Earlier versions of a reply, newest first")
	PageResponse<RevisionResponse> replyRevisions(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId) {
		if (shownTo(me, queries.reply(new TopicId(id), new ReplyId(replyId))).withheld()) {
			return PageResponse.all(List.of());
		}
		List<RevisionResponse> revisions = queries.revisions(PostKind.REPLY, replyId, seesHiddenRevisions(me)).stream()
			.map(mapper::revision)
			.toList();
		return PageResponse.all(revisions);
	}

	@PutMapping("/{id}/replies/{replyId}/like")
	@Operation(summary = "Like a reply; one like per member, repeating it changes nothing")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	LikeResponse likeReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId) {
		return like(discussions.like(me.actor(), new TopicId(id), new ReplyId(replyId)));
	}

	@DeleteMapping("/{id}/replies/{replyId}/like")
	@Operation(summary = "Take back a like of a reply")
	LikeResponse unlikeReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId) {
		return like(discussions.unlike(me.actor(), new TopicId(id), new ReplyId(replyId)));
	}

	@PostMapping("/{id}/accepted-answer")
	@Operation(summary = "Mark a reply as the accepted answer (asker or moderator, support boards only)")
	ThreadResponse acceptAnswer(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody AcceptAnswerRequest request) {
		discussions.acceptAnswer(me.actor(), new TopicId(id), new ReplyId(request.replyId()));
		return threadResponse(me, new TopicId(id));
	}

	@PostMapping("/{id}/flags")
	@Operation(summary = "Flag the opening post for the moderators (spam, rude, off-topic or other with a note); "
			+ "one open flag per member, flagging again answers the same")
	@RequiresPrivilege(Privilege.FLAG_POSTS)
	FlagResponse flagThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody FlagRequest request) {
		return moderationMapper.flag(
				moderation.flag(privileges.actor(me), new TopicId(id), null, request.reason(), request.note()));
	}

	@PostMapping("/{id}/replies/{replyId}/flags")
	@Operation(summary = "Flag a reply for the moderators; one open flag per member, flagging again answers the same")
	@RequiresPrivilege(Privilege.FLAG_POSTS)
	FlagResponse flagReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId, @Valid @RequestBody FlagRequest request) {
		return moderationMapper.flag(moderation.flag(privileges.actor(me), new TopicId(id), new ReplyId(replyId),
				request.reason(), request.note()));
	}

	@PostMapping("/{id}/hide")
	@Operation(summary = "Hide the opening post pending review (the thread's title and replies stay)")
	@RequiresPrivilege(Privilege.HIDE_POSTS)
	ThreadResponse hideThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody HideRequest request) {
		moderation.hide(privileges.actor(me), new TopicId(id), null, request.reason(), request.note());
		return threadResponse(me, new TopicId(id));
	}

	@PostMapping("/{id}/replies/{replyId}/hide")
	@Operation(summary = "Hide a reply pending review")
	@RequiresPrivilege(Privilege.HIDE_POSTS)
	ReplyResponse hideReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@PathVariable long replyId, @Valid @RequestBody HideRequest request) {
		moderation.hide(privileges.actor(me), new TopicId(id), new ReplyId(replyId), request.reason(), request.note());
		return replyResponse(me, new TopicId(id), new ReplyId(replyId));
	}

	/** The thread as the caller may read it: a hidden opening post has no body but for its author and moderators. */
	private ThreadResponse threadResponse(MemberPrincipal me, TopicId id) {
		TopicDetails topic = shownTo(me, queries.topic(id));
		return mapper.thread(topic, reputation.standings(List.of(topic.authorId())));
	}

	private ReplyResponse replyResponse(MemberPrincipal me, TopicId topic, ReplyId id) {
		ReplyDetails reply = shownTo(me, queries.reply(topic, id));
		return mapper.reply(reply, reputation.standings(List.of(reply.authorId())));
	}

	private static TopicDetails shownTo(MemberPrincipal me, TopicDetails topic) {
		return me == null ? topic.shownTo(null, false) : topic.shownTo(me.memberId(), me.moderates());
	}

	private static ReplyDetails shownTo(MemberPrincipal me, ReplyDetails reply) {
		return me == null ? reply.shownTo(null, false) : reply.shownTo(me.memberId(), me.moderates());
	}

	private static LikeResponse like(LikeState state) {
		return new LikeResponse(state.liked(), state.likes());
	}

	/** Staff (moderators, employees, admins) still read the versions a moderator hid. */
	private static boolean seesHiddenRevisions(MemberPrincipal me) {
		return me != null && (me.moderates() || me.role().isStaff());
	}
}
