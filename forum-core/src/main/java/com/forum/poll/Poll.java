package com.forum.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;

/**
 * A poll in a thread and its rules: what a poll may ask, which choices a vote may make, and when it
 * takes votes. Votes themselves are facts stored beside it (see {@link PollStore}), never counters on it.
 */
final class Poll {

	private final Long id;

	private final TopicId topicId;

	private final MemberId authorId;

	private final String question;

	private final boolean multiple;

	private final Integer maxChoices;

	private final Instant closesAt;

	private Instant closedAt;

	private final List<PollOption> options;

	Poll(Long id, TopicId topicId, MemberId authorId, String question, boolean multiple, Integer maxChoices,
			Instant closesAt, Instant closedAt, List<PollOption> options) {
		this.id = id;
		this.topicId = topicId;
		this.authorId = authorId;
		this.question = question;
		this.multiple = multiple;
		this.maxChoices = maxChoices;
		this.closesAt = closesAt;
		this.closedAt = closedAt;
		this.options = List.copyOf(options);
	}

	/**
	 * A new poll as the draft asks, or the first thing wrong with the draft. Options are compared without
	 * regard to case or surrounding space, so "Yes" and " yes" are one option asked twice.
	 */
	static Poll ask(PollDraft draft, PollProperties rules, TopicId topic, MemberId author, Instant now) {
		String question = draft.question() == null ? "" : draft.question().strip();
		if (question.isEmpty()) {
			throw new InvalidInputException("question", "blank", "must not be blank");
		}
		if (question.length() > rules.maxQuestionLength()) {
			throw new InvalidInputException("question", "too-long",
					"must be at most " + rules.maxQuestionLength() + " characters", rules.maxQuestionLength());
		}
		List<String> labels = draft.options().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
		if (labels.size() < rules.minOptions() || labels.size() > rules.maxOptions()) {
			throw new InvalidInputException("options", "option-count",
					"must offer " + rules.minOptions() + " to " + rules.maxOptions() + " options", rules.minOptions(),
					rules.maxOptions());
		}
		Set<String> seen = new HashSet<>();
		List<PollOption> options = new ArrayList<>();
		for (String label : labels) {
			if (label.length() > rules.maxOptionLength()) {
				throw new InvalidInputException("options", "option-too-long",
						"each option must be at most " + rules.maxOptionLength() + " characters",
						rules.maxOptionLength());
			}
			if (!seen.add(label.toLowerCase(Locale.ROOT))) {
				throw new InvalidInputException("options", "duplicate-option", "offers \"" + label + "\" twice", label);
			}
			options.add(new PollOption(null, options.size(), label));
		}
		Integer maxChoices = draft.multiple() ? draft.maxChoices() : null;
		if (maxChoices != null && (maxChoices < 1 || maxChoices > options.size())) {
			throw new InvalidInputException("maxChoices", "range", "must be 1 to " + options.size(), 1, options.size());
		}
		if (draft.closesAt() != null && !draft.closesAt().isAfter(now)) {
			throw new InvalidInputException("closesAt", "in-the-past", "must be in the future");
		}
		return new Poll(null, topic, author, question, draft.multiple(), maxChoices, draft.closesAt(), null,
				options);
	}

	/**
	 * The options a vote chooses, checked: the poll is open, each option is one of this poll's, a single
	 * choice poll takes exactly one and a multiple choice poll at least one and at most its maximum.
	 */
	Set<Long> choose(Collection<Long> optionIds, Instant now) {
		checkOpen(now);
		Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
		if (chosen.isEmpty() || chosen.contains(null)) {
			throw new InvalidInputException("optionIds", "no-choice", "must name at least one option");
		}
		Set<Long> offered = new HashSet<>();
		options.forEach(option -> offered.add(option.id()));
		for (Long option : chosen) {
			if (!offered.contains(option)) {
				throw new InvalidInputException("optionIds", "unknown-option", "no option " + option + " in this poll",
						String.valueOf(option));
			}
		}
		int most = mostChoices();
		if (chosen.size() > most) {
			throw new InvalidInputException("optionIds", "too-many-choices", "may choose at most " + most, most);
		}
		return chosen;
	}

	/** A vote may be taken back only while it could still be changed. */
	void checkRetractable(Instant now) {
		checkOpen(now);
	}

	/** The author closes their poll early, or a moderator does; closing a closed poll changes nothing. */
	boolean close(Actor actor, Instant now) {
		if (!actor.is(authorId) && !actor.moderates()) {
			throw new PermissionDeniedException("close-poll", "Only the author of the poll or a moderator may close it.");
		}
		if (isClosed(now)) {
			return false;
		}
		closedAt = now;
		return true;
	}

	boolean isClosed(Instant now) {
		return closedAt != null || closesAt != null && !closesAt.isAfter(now);
	}

	int mostChoices() {
		if (!multiple) {
			return 1;
		}
		return maxChoices == null ? options.size() : maxChoices;
	}

	private void checkOpen(Instant now) {
		if (isClosed(now)) {
			throw new RuleViolationException("poll-closed", "This poll is closed: it takes no more votes.");
		}
	}

	Long id() {
		return id;
	}

	TopicId topicId() {
		return topicId;
	}

	MemberId authorId() {
		return authorId;
	}

	String question() {
		return question;
	}

	boolean multiple() {
		return multiple;
	}

	Integer maxChoices() {
		return maxChoices;
	}

	Instant closesAt() {
		return closesAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	List<PollOption> options() {
		return options;
	}
}
