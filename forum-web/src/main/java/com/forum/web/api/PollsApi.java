package com.forum.web.api;

import java.net.URI;

import com.forum.discussion.TopicId;
import com.forum.member.Privilege;
import com.forum.poll.Polls;
import com.forum.web.api.PollDtos.PollRequest;
import com.forum.web.api.PollDtos.PollResponse;
import com.forum.web.api.PollDtos.VoteRequest;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.RequiresPrivilege;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A thread's poll. Voting takes the same gate as liking a post; a vote replaces the caller's earlier
 * choices, so sending it twice counts once.
 */
@RestController
@RequestMapping("/api/v1/threads/{id}/poll")
@Tag(name = "Polls", description = "A thread's poll: asking, voting, changing or taking back a vote, closing")
class PollsApi {

	private final Polls polls;

	PollsApi(Polls polls) {
		this.polls = polls;
	}

	@GetMapping
	@Operation(summary = "The thread's poll; its counts show once the caller has voted or the poll has closed")
	PollResponse poll(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return PollResponse.of(polls.require(new TopicId(id), me == null ? null : me.memberId(),
				me != null && me.moderates()));
	}

	@PostMapping
	@Operation(summary = "Add a poll to the caller's own thread while it has none")
	ResponseEntity<PollResponse> add(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody PollRequest request) {
		TopicId topic = new TopicId(id);
		polls.add(me.actor(), topic, request.draft());
		return ResponseEntity.created(URI.create("/api/v1/threads/" + id + "/poll"))
			.body(PollResponse.of(polls.require(topic, me.memberId(), me.moderates())));
	}

	@PutMapping("/vote")
	@Operation(summary = "Vote, or change the vote: the options given replace those chosen before "
			+ "(closed polls, locked and deleted threads refuse)")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	PollResponse vote(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody VoteRequest request) {
		return PollResponse.of(polls.vote(me.actor(), new TopicId(id), request.optionIds()));
	}

	@DeleteMapping("/vote")
	@Operation(summary = "Take back the caller's vote while the poll is open; without a vote it changes nothing")
	PollResponse retract(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return PollResponse.of(polls.retract(me.actor(), new TopicId(id)));
	}

	@PostMapping("/close")
	@Operation(summary = "Close the poll before its closing time (its author or a moderator); the results then show to all")
	PollResponse close(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		return PollResponse.of(polls.close(me.actor(), new TopicId(id)));
	}
}
