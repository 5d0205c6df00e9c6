package com.forum.web.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.forum.board.BoardCreated;
import com.forum.board.BoardId;
import com.forum.discussion.AnswerAccepted;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.FlagResolved;
import com.forum.discussion.PostFlagged;
import com.forum.discussion.PostHidden;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.PostModerated;
import com.forum.discussion.PostRestored;
import com.forum.discussion.ReplyChanged;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.RevisionHidden;
import com.forum.discussion.TopicChanged;
import com.forum.discussion.TopicDeleted;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicStarted;
import com.forum.member.ProfileDescribed;
import com.forum.points.Account;
import com.forum.poll.PollChanged;
import com.forum.poll.PollVoted;
import com.forum.points.LedgerPosted;
import com.forum.shared.DomainEvent;
import com.forum.upload.AvatarChanged;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the page cache what each change affects, the moment the change is committed.
 * <p>
 * These listen synchronously and act after the commit of the transaction that published the event,
 * rather than as {@code @ApplicationModuleListener}s: the request that made a change returns only once
 * every node knows, so its author (or anyone they tell) never sees the page as it was. A durable
 * publication per event would add two writes to every reply, like and vote for what
 * {@code forum.page-cache.time-to-live} already bounds: if the process dies between the commit and the
 * announcement, a kept page is stale for at most that long.
 */
class PageCacheInvalidation {

	private final PageCache cache;

	private final DiscussionQueries discussions;

	/** A thread never changes boards, so its board is asked once. */
	private final Cache<TopicId, Optional<BoardId>> boards = Caffeine.newBuilder().maximumSize(100_000).build();

	PageCacheInvalidation(PageCache cache, DiscussionQueries discussions) {
		this.cache = cache;
		this.discussions = discussions;
	}

	/** A change to a thread or a post in it, reply counts and likes included. */
	@EventListener({ TopicStarted.class, TopicChanged.class, TopicDeleted.class, ReplyPosted.class,
			ReplyChanged.class, AnswerAccepted.class, PostLiked.class, PostHidden.class, PostRestored.class,
			PostModerated.class, PostFlagged.class, FlagResolved.class, RevisionHidden.class })
	void on(DomainEvent event) {
		Optional<TopicId> topic = switch (event) {
			case TopicStarted e -> {
				boards.put(e.topicId(), Optional.of(e.boardId()));
				yield Optional.of(e.topicId());
			}
			case TopicChanged e -> Optional.of(e.topicId());
			case TopicDeleted e -> Optional.of(e.topicId());
			case ReplyPosted e -> Optional.of(e.topicId());
			case ReplyChanged e -> Optional.of(e.topicId());
			case AnswerAccepted e -> Optional.of(e.topicId());
			case PostLiked e -> Optional.of(e.topicId());
			case PostHidden e -> Optional.of(e.topicId());
			case PostRestored e -> Optional.of(e.topicId());
			case PostModerated e -> Optional.of(e.topicId());
			case PostFlagged e -> Optional.of(e.topicId());
			case FlagResolved e -> Optional.of(e.topicId());
			case RevisionHidden e -> e.kind() == PostKind.TOPIC ? Optional.of(new TopicId(e.postId()))
					: discussions.replySnapshot(new ReplyId(e.postId())).map(ReplySnapshot::topicId);
			default -> Optional.empty();
		};
		topic.ifPresent(this::topicChanged);
	}

	/**
	 * A poll added, voted in or closed: its voters' count and, once closed, its results show on the
	 * thread's pages. What one member chose is never on a kept page (only visitors' pages are kept).
	 */
	@EventListener({ PollChanged.class, PollVoted.class })
	void onPoll(DomainEvent event) {
		afterCommit(List.of(PageTags.topic(switch (event) {
			case PollChanged e -> e.topicId();
			case PollVoted e -> e.topicId();
			default -> throw new IllegalArgumentException("not a poll event: " + event);
		})));
	}

	@EventListener
	void on(BoardCreated event) {
		afterCommit(List.of(PageTags.BOARDS));
	}

	/** Reputation shows beside every name, as a level. */
	@EventListener
	void on(LedgerPosted event) {
		afterCommit(PageTags.members(event.entries()
			.stream()
			.filter(entry -> entry.account() == Account.REPUTATION)
			.map(LedgerPosted.Entry::memberId)
			.toList()));
	}

	/** A member's signature and device show with their posts. */
	@EventListener
	void on(ProfileDescribed event) {
		afterCommit(PageTags.members(List.of(event.memberId())));
	}

	/** An avatar shows beside every post of its member. */
	@EventListener
	void on(AvatarChanged event) {
		afterCommit(PageTags.members(List.of(event.memberId())));
	}

	@Scheduled(fixedDelayString = "${forum.page-cache.retry-interval:1s}")
	void retryUnannounced() {
		cache.retryUnannounced();
	}

	/** The thread's pages, its board's list and the lists across boards. */
	private void topicChanged(TopicId topic) {
		List<String> tags = new ArrayList<>(3);
		tags.add(PageTags.topic(topic));
		tags.add(PageTags.LATEST);
		boards.get(topic, discussions::boardOf).ifPresent(board -> tags.add(PageTags.board(board)));
		afterCommit(tags);
	}

	/** Before the commit, a page rendered in between would read the old rows and be kept as fresh. */
	private void afterCommit(List<String> tags) {
		if (tags.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			cache.changed(tags);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cache.changed(tags);
			}
		});
	}
}
