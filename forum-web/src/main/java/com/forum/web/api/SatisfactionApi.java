package com.forum.web.api;

import com.forum.discussion.TopicId;
import com.forum.petition.PetitionId;
import com.forum.satisfaction.Satisfaction;
import com.forum.satisfaction.Score;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction ratings (CSAT) from 1 (very dissatisfied) to 5 (very satisfied): the asker's of a
 * solved question, an author's or voter's of a shipped or declined petition. PUT again to change it.
 */
@RestController
@Tag(name = "Satisfaction", description = "Rating the help on a solved question and the outcome of a petition")
class SatisfactionApi {

	private final Satisfaction satisfaction;

	SatisfactionApi(Satisfaction satisfaction) {
		this.satisfaction = satisfaction;
	}

	@PutMapping("/api/v1/threads/{id}/satisfaction")
	@Operation(summary = "The asker rates the help on their solved question (support boards only)")
	RatingResponse rateQuestion(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody RatingRequest request) {
		Score score = satisfaction.rateQuestion(me.actor(), new TopicId(id), request.rating());
		return new RatingResponse(score.value(), score.satisfied());
	}

	@PutMapping("/api/v1/petitions/{id}/satisfaction")
	@Operation(summary = "The author or a voter rates the outcome of a shipped or declined petition")
	RatingResponse ratePetition(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
			@Valid @RequestBody RatingRequest request) {
		Score score = satisfaction.ratePetition(me.actor(), new PetitionId(id), request.rating());
		return new RatingResponse(score.value(), score.satisfied());
	}

	record RatingRequest(@NotNull @Min(Score.LOWEST) @Max(Score.HIGHEST) Integer rating) {
	}

	/** @param satisfied whether the rating counts as satisfied (4 or 5) */
	record RatingResponse(int rating, boolean satisfied) {
	}
}
