package com.forum.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.forum.board.BoardId;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.poll.PollStore.LockMode;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asking, voting in and closing polls in threads; each method is one transaction. */
@Service
public class Polls {

	private final PollStore store;

	private final Discussions discussions;

	private final DiscussionQueries threads;

	private final PollProperties rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Polls(PollStore store, Discussions discussions, DiscussionQueries threads, PollProperties rules,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.discussions = discussions;
		this.threads = threads;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a thread with a poll in one transaction: a poll the rules refuse starts no thread. The poll
	 * is checked before the thread is written, so its mistakes come before any quota is taken.
	 */
	@Transactional
	public TopicId startThread(Actor author, BoardId board, String title, String body, PollDraft draft) {
		Poll.ask(draft, rules, new TopicId(0), author.id(), clock.instant());
		TopicId topic = discussions.startTopic(author, board, title, body);
		store(Poll.ask(draft, rules, topic, author.id(), clock.instant()), author);
		return topic;
	}

	/** The thread's author adds a poll to their open thread while it has none. */
	@Transactional
	public PollId add(Actor author, TopicId topicId, PollDraft draft) {
		TopicDetails topic = threads.topic(topicId);
		if (!author.is(topic.authorId())) {
			throw new PermissionDeniedException("add-poll", "Only the author of the thread may add a poll to it.");
		}
		checkOpen(topic);
		Poll poll = Poll.ask(draft, rules, topicId, author.id(), clock.instant());
		if (store.findByTopic(topicId, LockMode.NONE).isPresent()) {
			throw pollExists();
		}
		return store(poll, author);
	}

	/**
	 * Records the member's vote, replacing the choices they made before. A poll that has closed, and a
	 * thread that is locked or deleted, take no votes.
	 */
	@Transactional
	public PollResults vote(Actor voter, TopicId topicId, Collection<Long> optionIds) {
		Instant now = clock.instant();
		checkOpen(threads.topic(topicId));
		Poll poll = poll(topicId, LockMode.FOR_VOTE);
		Set<Long> chosen = poll.choose(optionIds, now);
		PollId id = new PollId(poll.id());
		store.cast(id, voter.id(), chosen, now);
		events.publishEvent(new PollVoted(id, topicId, voter.id(), false));
		return results(poll, voter.id(), now);
	}

	/** Takes the member's vote back while the poll is open; taking back no vote changes nothing. */
	@Transactional
	public PollResults retract(Actor voter, TopicId topicId) {
		Instant now = clock.instant();
		checkOpen(threads.topic(topicId));
		Poll poll = poll(topicId, LockMode.FOR_VOTE);
		poll.checkRetractable(now);
		PollId id = new PollId(poll.id());
		if (store.retract(id, voter.id())) {
			events.publishEvent(new PollVoted(id, topicId, voter.id(), true));
		}
		return results(poll, voter.id(), now);
	}

	/** The author (or a moderator) closes the poll before its closing time; the results then show to all. */
	@Transactional
	public PollResults close(Actor actor, TopicId topicId) {
		Instant now = clock.instant();
		threads.topic(topicId);
		Poll poll = poll(topicId, LockMode.FOR_CLOSE);
		if (poll.close(actor, now)) {
			store.close(poll);
			events.publishEvent(new PollChanged(new PollId(poll.id()), topicId, actor.id(), "closed"));
		}
		return results(poll, actor.id(), now);
	}

	/**
	 * The thread's poll as the reader (null: a visitor) sees it, or empty when the thread has none. The
	 * poll is part of the opening post: while that is hidden pending review, only its author and the
	 * moderators see it.
	 */
	@Transactional(readOnly = true)
	public Optional<PollResults> of(TopicDetails topic, MemberId reader, boolean moderates) {
		if (topic.shownTo(reader, moderates).withheld()) {
			return Optional.empty();
		}
		return store.findByTopic(topic.id(), LockMode.NONE).map(poll -> results(poll, reader, clock.instant()));
	}

	/** The poll of a thread as the reader sees it, or 404 when it has none (or none they may see). */
	@Transactional(readOnly = true)
	public PollResults require(TopicId topicId, MemberId reader, boolean moderates) {
		return of(threads.topic(topicId), reader, moderates).orElseThrow(() -> new NotFoundException("poll", topicId));
	}

	private PollId store(Poll poll, Actor author) {
		PollId id;
		try {
			id = store.insert(poll, clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw pollExists();
		}
		events.publishEvent(new PollChanged(id, poll.topicId(), author.id(), "added"));
		return id;
	}

	private Poll poll(TopicId topicId, LockMode lock) {
		return store.findByTopic(topicId, lock).orElseThrow(() -> new NotFoundException("poll", topicId));
	}

	private PollResults results(Poll poll, MemberId reader, Instant now) {
		PollId id = new PollId(poll.id());
		Set<Long> chosen = reader == null ? Set.of() : store.chosenBy(id, reader);
		boolean closed = poll.isClosed(now);
		boolean shown = closed || !chosen.isEmpty();
		Map<Long, Long> counts = shown ? store.counts(id) : Map.of();
		Instant closesAt = poll.closedAt() != null ? poll.closedAt() : poll.closesAt();
		return new PollResults(id, poll.topicId(), poll.authorId(), poll.question(), poll.multiple(),
				poll.mostChoices(), closesAt, closed, store.voters(id),
				poll.options()
					.stream()
					.map(option -> new PollResults.Option(option.id(), option.label(),
							shown ? counts.getOrDefault(option.id(), 0L) : null))
					.toList(),
				Set.copyOf(chosen), shown);
	}

	/** A locked thread is frozen for votes and new polls alike, moderators' votes included. */
	private static void checkOpen(TopicDetails topic) {
		if (topic.locked()) {
			throw new RuleViolationException("poll-thread-locked", "This thread is locked: its poll takes no votes.");
		}
	}

	private static RuleViolationException pollExists() {
		return new RuleViolationException("poll-exists", "This thread has a poll already.");
	}
}
