package com.forum.satisfaction;

import java.time.Clock;
import java.util.Optional;

import com.forum.board.BoardCatalog;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionVoting;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members rating the help they got and the outcome of what they asked for; each method is one transaction. */
@Service
public class Satisfaction {

	/** The first half of the advisory lock key, so that these locks share no key with other ones. */
	private static final int RATING = 0x63736174;

	private final SatisfactionRatings ratings;

	private final DiscussionQueries discussions;

	private final PetitionQueries petitions;

	private final PetitionVoting voting;

	private final BoardCatalog boards;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Satisfaction(SatisfactionRatings ratings, DiscussionQueries discussions, PetitionQueries petitions,
			PetitionVoting voting, BoardCatalog boards, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.ratings = ratings;
		this.discussions = discussions;
		this.petitions = petitions;
		this.voting = voting;
		this.boards = boards;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The asker rates the help on their solved question, 1 to 5; rating again changes the score. */
	@Transactional
	public Score rateQuestion(Actor asker, TopicId topic, int score) {
		return rate(asker, question(topic), score);
	}

	/** The author or a voter rates a shipped or declined petition's outcome, 1 to 5; again changes it. */
	@Transactional
	public Score ratePetition(Actor member, PetitionId petition, int score) {
		return rate(member, petition(petition, member.id()), score);
	}

	/** The rating the member may give the question now, or none if they may not rate it (yet). */
	@Transactional(readOnly = true)
	public Optional<RatingOffer> questionOffer(Actor member, TopicId topic) {
		return offer(member, question(topic));
	}

	/** The rating the member may give the petition now, or none if they may not rate it (yet). */
	@Transactional(readOnly = true)
	public Optional<RatingOffer> petitionOffer(Actor member, PetitionId petition) {
		return offer(member, petition(petition, member.id()));
	}

	private Score rate(Actor rater, RatingSubject subject, int value) {
		Score score = new Score(value);
		// one rater's ratings are written one at a time, so that a double click cannot insert two
		jdbc.query("select pg_advisory_xact_lock(:space, :member)",
				new MapSqlParameterSource("space", RATING).addValue("member", Long.hashCode(rater.id().value())),
				rs -> null);
		SatisfactionRating rating = ratings.find(subject.kind(), subject.id(), rater.id().value()).orElse(null);
		if (rating == null) {
			rating = SatisfactionRating.first(subject, rater, score, clock.instant());
		}
		else {
			rating.change(subject, rater, score, clock.instant());
		}
		ratings.save(rating);
		return rating.score();
	}

	private Optional<RatingOffer> offer(Actor member, RatingSubject subject) {
		if (!subject.rateableBy(member)) {
			return Optional.empty();
		}
		return Optional.of(new RatingOffer(subject.kind(), ratings.find(subject.kind(), subject.id(),
				member.id().value()).map(r -> r.score().value()).orElse(null)));
	}

	private RatingSubject.Question question(TopicId id) {
		TopicDetails topic = discussions.topic(id);
		return new RatingSubject.Question(topic.id(), topic.boardId(), topic.authorId(),
				boards.get(topic.boardId()).isSupport(), topic.solved());
	}

	private RatingSubject.PetitionOutcome petition(PetitionId id, MemberId rater) {
		PetitionDetails petition = petitions.details(id);
		return new RatingSubject.PetitionOutcome(petition.id(), petition.boardId(), petition.authorId(),
				petition.status(), voting.hasVoted(rater, id));
	}
}
