package com.forum.satisfaction;

import java.time.Instant;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One member's rating of one subject. It is given only as the subject's rules allow, and changed
 * the same way; each change is a {@link SatisfactionRated} event.
 */
@Entity
@Table(name = "satisfaction_rating")
class SatisfactionRating extends AbstractAggregateRoot<SatisfactionRating> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "subject_kind")
	private SubjectKind subjectKind;

	@Column(name = "subject_id")
	private long subjectId;

	@Column(name = "member_id")
	private long memberId;

	@Column(name = "board_id")
	private long boardId;

	private int score;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "rated_at")
	private Instant ratedAt;

	@Version
	private long version;

	protected SatisfactionRating() {
	}

	private SatisfactionRating(RatingSubject subject, MemberId rater, Instant now) {
		this.subjectKind = subject.kind();
		this.subjectId = subject.id();
		this.memberId = rater.value();
		this.boardId = subject.board().value();
		this.createdAt = now;
	}

	/** A member's first rating of the subject. */
	static SatisfactionRating first(RatingSubject subject, Actor rater, Score score, Instant now) {
		subject.checkRateableBy(rater);
		SatisfactionRating rating = new SatisfactionRating(subject, rater.id(), now);
		rating.record(score, null, now);
		return rating;
	}

	/** Rates again; the same score again changes nothing. */
	void change(RatingSubject subject, Actor rater, Score score, Instant now) {
		if (!rater.is(memberId()) || subject.kind() != subjectKind || subject.id() != subjectId) {
			throw new IllegalArgumentException("Rating " + id + " is not " + rater.id() + "'s of " + subject);
		}
		subject.checkRateableBy(rater);
		if (score.value() != this.score) {
			record(score, this.score, now);
		}
	}

	private void record(Score score, Integer previous, Instant now) {
		this.score = score.value();
		this.ratedAt = now;
		registerEvent(new SatisfactionRated(subjectKind, subjectId, memberId(), score.value(), previous));
	}

	/** The events registered and not yet published; visible for tests of the rules. */
	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}

	MemberId memberId() {
		return new MemberId(memberId);
	}

	Score score() {
		return new Score(score);
	}

	Instant ratedAt() {
		return ratedAt;
	}
}
