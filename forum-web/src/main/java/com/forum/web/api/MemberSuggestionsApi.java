package com.forum.web.api;

import com.forum.member.MemberDirectory;
import com.forum.web.api.ApiDtos.MemberSuggestionsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Completes the {@code @name} being typed in a post; names are public, as profiles are. */
@RestController
@Tag(name = "Members")
class MemberSuggestionsApi {

	/** Enough to choose from while typing; a longer prefix narrows them. */
	private static final int SUGGESTIONS = 8;

	private final MemberDirectory members;

	private final ApiMapper mapper;

	MemberSuggestionsApi(MemberDirectory members, ApiMapper mapper) {
		this.members = members;
		this.mapper = mapper;
	}

	@GetMapping("/api/v1/members/suggestions")
	@Operation(summary = "Members whose username begins with the prefix, shortest first (at most 8)")
	MemberSuggestionsResponse suggestions(@RequestParam @NotBlank @Size(max = 32) String prefix) {
		return mapper.suggestions(members.suggestions(prefix, SUGGESTIONS));
	}
}
