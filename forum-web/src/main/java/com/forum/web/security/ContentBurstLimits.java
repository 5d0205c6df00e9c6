package com.forum.web.security;

import java.time.Duration;
import java.util.Optional;

import com.forum.bookmark.BookmarkChanged;
import com.forum.conversation.ConversationMessagePosted;
import com.forum.discussion.PostFlagged;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicStarted;
import com.forum.member.MemberId;
import com.forum.petition.PetitionSubmitted;
import com.forum.petition.PetitionVoted;
import com.forum.poll.PollVoted;
import com.forum.upload.ImageUploaded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Short-window burst limits on what a member writes: threads, replies, petitions, votes, likes, flags, private
 * messages, poll votes, bookmarks and uploaded images.
 * <p>
 * They complement, and do not repeat, the daily quotas by level ({@code com.forum.reputation.DailyQuotas},
 * {@code forum.reputation.quotas}): a quota is how much a member of a level may do in a day and grows
 * with reputation; a burst limit is the same for everyone and only says "not this many within minutes",
 * which stops a script (200 threads in 30 s, a vote toggled 150 times) long before a day's allowance
 * matters, also for levels whose daily allowance is large. So a burst limit counts every toggle (an
 * unvote and an unlike too, which the quotas leave free), and holds for staff as well.
 * <p>
 * Like the quotas, the count is taken as the fact is stored, inside its transaction (these listeners are
 * synchronous): a refused write rolls back, so nothing is stored and a page's form keeps the member's text;
 * a write that rolls back for any reason (a used-up quota included) gives its token back.
 */
@Component
class ContentBurstLimits {

	private final RateLimiter limiter;

	private final SecurityProperties.RateLimitProperties limits;

	ContentBurstLimits(RateLimiter limiter, SecurityProperties properties) {
		this.limiter = limiter;
		this.limits = properties.rateLimits();
	}

	@EventListener
	void on(TopicStarted event) {
		take("threads", limits.threadsPerMember(), event.authorId());
	}

	@EventListener
	void on(ReplyPosted event) {
		take("replies", limits.repliesPerMember(), event.authorId());
	}

	@EventListener
	void on(PetitionSubmitted event) {
		take("petitions", limits.petitionsPerMember(), event.authorId());
	}

	/** A vote cast and a vote taken back alike: toggling is what a script does. */
	@EventListener
	void on(PetitionVoted event) {
		take("votes", limits.votesPerMember(), event.voterId());
	}

	@EventListener
	void on(PostLiked event) {
		take("likes", limits.likesPerMember(), event.likerId());
	}

	@EventListener
	void on(PostFlagged event) {
		take("flags", limits.flagsPerMember(), event.flaggerId());
	}

	/** Private messages, the first of a new conversation included. */
	@EventListener
	void on(ConversationMessagePosted event) {
		take("messages", limits.messagesPerMember(), event.authorId());
	}

	/** A vote cast, changed or taken back in a poll. */
	@EventListener
	void on(PollVoted event) {
		take("poll-votes", limits.pollVotesPerMember(), event.voterId());
	}

	/** A bookmark added or removed. */
	@EventListener
	void on(BookmarkChanged event) {
		take("bookmarks", limits.bookmarksPerMember(), event.memberId());
	}

	/** An image uploaded, for a post or an avatar. */
	@EventListener
	void on(ImageUploaded event) {
		take("uploads", limits.uploadsPerMember(), event.ownerId());
	}

	private void take(String name, Limit limit, MemberId member) {
		String subject = "member:" + member.value();
		Optional<Duration> wait = limiter.take(name, limit, subject);
		if (wait.isPresent()) {
			throw new RateLimitedException(name, limit, wait.get());
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						limiter.giveBack(name, limit, subject);
					}
				}
			});
		}
	}
}
