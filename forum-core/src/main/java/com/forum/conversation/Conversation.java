package com.forum.conversation;

import java.util.List;
import java.util.Set;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.NotFoundException;

/**
 * A conversation and who takes part in it, as the rules need it. Only a participant still in it reads,
 * writes, reports or leaves it; to anybody else, staff included, it does not exist, unless a participant
 * reported it: then moderators may read it, and only read it.
 *
 * @param active the participants who have not left
 */
record Conversation(ConversationId id, String subject, boolean reported, Set<MemberId> active) {

	Conversation {
		active = Set.copyOf(active);
	}

	/** The conversation, for one of its participants; a 404 for everyone else. */
	Conversation forParticipant(Actor actor) {
		if (!active.contains(actor.id())) {
			throw notFound(id);
		}
		return this;
	}

	/** The conversation, for a moderator reading it after a report; a 404 for everyone else. */
	Conversation forModerator(Actor actor) {
		if (!actor.moderates() || !reported) {
			throw notFound(id);
		}
		return this;
	}

	/** Whom a message from the author goes to, before blocks are weighed: everyone else still in it. */
	List<MemberId> othersThan(MemberId author) {
		return active.stream().filter(member -> !member.equals(author)).sorted(java.util.Comparator.comparingLong(MemberId::value)).toList();
	}

	static NotFoundException notFound(Object id) {
		return new NotFoundException("conversation", id);
	}
}
