package com.forum.web.api;

import java.time.Instant;

import com.forum.bookmark.Bookmark;
import com.forum.bookmark.Bookmarks;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's bookmarks of threads and replies; nobody else reads or changes them. Adding and removing
 * are idempotent: a bookmark is named by its post.
 */
@RestController
@RequestMapping("/api/v1/bookmarks")
@Tag(name = "Bookmarks", description = "Threads and replies the caller keeps to come back to")
class BookmarksApi {

	private final Bookmarks bookmarks;

	BookmarksApi(Bookmarks bookmarks) {
		this.bookmarks = bookmarks;
	}

	@GetMapping
	@Operation(summary = "The caller's bookmarks, newest first; a post deleted or hidden since shows as removed, "
			+ "without its title or text")
	PageResponse<BookmarkResponse> bookmarks(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageResponse.of(bookmarks.of(me.memberId(), page - 1, size), BookmarkResponse::of);
	}

	@PutMapping("/threads/{id}")
	@Operation(summary = "Bookmark a thread's opening post; again changes nothing")
	ResponseEntity<Void> bookmarkThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		bookmarks.addThread(me.actor(), new TopicId(id));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/threads/{id}")
	@Operation(summary = "Remove the bookmark of a thread; without one it changes nothing")
	ResponseEntity<Void> removeThread(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		bookmarks.remove(me.actor(), PostKind.TOPIC, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/replies/{id}")
	@Operation(summary = "Bookmark a reply; again changes nothing")
	ResponseEntity<Void> bookmarkReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		bookmarks.addReply(me.actor(), new ReplyId(id));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/replies/{id}")
	@Operation(summary = "Remove the bookmark of a reply; without one it changes nothing")
	ResponseEntity<Void> removeReply(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		bookmarks.remove(me.actor(), PostKind.REPLY, id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param kind THREAD or REPLY
	 * @param replyId the reply, or null for a thread
	 * @param removed the post was deleted or hidden since: title and excerpt are null
	 */
	record BookmarkResponse(String kind, long threadId, Long replyId, Instant createdAt, boolean removed,
			String title, String excerpt) {

		static BookmarkResponse of(Bookmark bookmark) {
			return new BookmarkResponse(bookmark.kind() == PostKind.TOPIC ? "THREAD" : "REPLY",
					bookmark.topicId().value(), bookmark.replyId() == null ? null : bookmark.replyId().value(),
					bookmark.createdAt(), bookmark.removed(), bookmark.title(), bookmark.excerpt());
		}
	}
}
