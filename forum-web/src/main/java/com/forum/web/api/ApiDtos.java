package com.forum.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The request and response bodies of the API; entities never cross this line. */
final class ApiDtos {

	private ApiDtos() {
	}

	record RegisterRequest(@NotBlank @Size(min = 3, max = 32) String username,
			@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(min = 8, max = 128) String password) {
	}

	record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password) {
	}

	record TokenResponse(String token, String tokenType, Instant expiresAt) {
	}

	/**
	 * @param level the member's level (1 to 10), from their reputation
	 * @param badges the ids of the badges the member holds
	 */
	record MemberResponse(long id, String username, String role, Instant joinedAt, int level, long reputation,
			List<String> badges) {
	}

	record BoardResponse(long id, String slug, String name, String description, String kind) {
	}

	record AuthorResponse(long id, String username) {
	}

	/** Members whose name begins with what is being typed after an {@code @}. */
	record MemberSuggestionsResponse(List<AuthorResponse> items) {
	}

	/** @param channels each kind of notification ({@code reply}, {@code mention}, ...) to {@code centre}, {@code email} or {@code off} */
	record NotificationPreferencesResponse(Map<String, String> channels) {
	}

	/** @param channels the kinds to change, each to {@code centre}, {@code email} or {@code off}; others keep theirs */
	record NotificationPreferencesRequest(@NotNull @Size(max = 20) Map<String, String> channels) {
	}

	/** {@code poll}: optionally, a poll asked with the opening post (see PollDtos). */
	record CreateThreadRequest(@NotNull @Positive Long boardId, @NotBlank @Size(min = 5, max = 150) String title,
			@NotBlank @Size(max = 50_000) String body, @Valid PollDtos.PollRequest poll) {
	}

	record EditThreadRequest(@NotBlank @Size(min = 5, max = 150) String title,
			@NotBlank @Size(max = 50_000) String body) {
	}

	/** {@code authorLevel}: the author's level (1 to 10), in this and every response with an author. */
	record ThreadSummaryResponse(long id, long boardId, String title, AuthorResponse author, int authorLevel,
			Instant createdAt,
			Instant lastActivityAt, int replyCount, int likeCount, long viewCount, boolean pinned, boolean locked,
			boolean solved, boolean featured) {
	}

	record ThreadResponse(long id, long boardId, String title, String body, String bodyHtml, AuthorResponse author,
			int authorLevel, Instant createdAt, Instant editedAt, Instant lastActivityAt, int replyCount, int likeCount,
			long viewCount, boolean pinned, boolean locked, boolean solved, Long acceptedReplyId, boolean hidden,
			boolean featured) {
	}

	record CreateReplyRequest(@NotBlank @Size(max = 50_000) String body, @Positive Long quotedReplyId) {
	}

	record EditReplyRequest(@NotBlank @Size(max = 50_000) String body) {
	}

	record QuoteResponse(long replyId, String author, String excerpt) {
	}

	record ReplyResponse(long id, long threadId, AuthorResponse author, int authorLevel, String body, String bodyHtml,
			QuoteResponse quote, Instant createdAt, Instant editedAt, int likeCount, boolean deleted,
			boolean accepted, boolean hidden) {
	}

	record AcceptAnswerRequest(@NotNull @Positive Long replyId) {
	}

	record LikeResponse(boolean liked, long likes) {
	}

	record RevisionResponse(long id, String title, String body, AuthorResponse editedBy, Instant editedAt,
			boolean hidden) {
	}

	/**
	 * One search result. What is set depends on {@code type}: a thread has its id, title and board; a
	 * reply also its id; a petition its id, title (as {@code threadTitle}), status, votes and tags; a
	 * member is the author fields (name, id, level) with the bio as snippet.
	 */
	record SearchHitResponse(Long threadId, Long replyId, Long boardId, String threadTitle, String titleHtml,
			String snippetHtml, String author, Long authorId, Integer authorLevel, Instant createdAt,
			@Schema(allowableValues = { "thread", "reply", "petition", "member" }) String type, Long petitionId,
			String status, int votes, List<String> tags) {
	}

	record BoardFacetResponse(long boardId, long count) {
	}

	/** How many results carry a value of a facet, counted under the other facets' filters. */
	record FacetCountResponse(String value, long count) {
	}

	/**
	 * @param didYouMean a corrected query that finds more, offered when this one found few; else null
	 * @param corrected true when the query as typed found nothing and the items and counts are those of
	 *     {@code didYouMean}
	 */
	record SearchResponse(List<SearchHitResponse> items, int page, int size, long totalItems, int totalPages,
			List<BoardFacetResponse> boards, long tookMillis, List<FacetCountResponse> types,
			List<FacetCountResponse> statuses, List<FacetCountResponse> tags, List<FacetCountResponse> times,
			String didYouMean, boolean corrected) {
	}

	/** A title completing what is being typed, and where it leads. */
	record SearchSuggestionResponse(@Schema(allowableValues = { "thread", "petition" }) String type, long id,
			String title, String url) {
	}

	record SearchSuggestionsResponse(List<SearchSuggestionResponse> items) {
	}
}
