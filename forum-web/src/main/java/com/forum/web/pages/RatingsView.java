package com.forum.web.pages;

import java.util.stream.IntStream;

import com.forum.discussion.TopicDetails;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionStatus;
import com.forum.satisfaction.RatingOffer;
import com.forum.satisfaction.Satisfaction;
import com.forum.satisfaction.Score;

import org.springframework.stereotype.Component;

/**
 * What {@code fragments/satisfaction.html} needs, as {@code ${@ratings.question(topic, viewer)}}:
 * whether the one looking may rate the page's question or petition now, and what they gave before.
 * The rules are the satisfaction feature's own; this only asks them.
 */
@Component("ratings")
public class RatingsView {

	private static final int[] SCALE = IntStream.rangeClosed(Score.LOWEST, Score.HIGHEST).toArray();

	private final Satisfaction satisfaction;

	RatingsView(Satisfaction satisfaction) {
		this.satisfaction = satisfaction;
	}

	/** The asker's rating of their solved question, or null when the viewer has none to give. */
	public RatingOffer question(TopicDetails topic, Viewer viewer) {
		if (!viewer.signedIn() || !topic.solved() || !viewer.is(topic.authorId())) {
			return null;
		}
		return satisfaction.questionOffer(viewer.actorIfSignedIn(), topic.id()).orElse(null);
	}

	/** An author's or voter's rating of a shipped or declined petition, or null. */
	public RatingOffer petition(PetitionDetails petition, Viewer viewer) {
		if (!viewer.signedIn()
				|| petition.status() != PetitionStatus.SHIPPED && petition.status() != PetitionStatus.DECLINED) {
			return null;
		}
		return satisfaction.petitionOffer(viewer.actorIfSignedIn(), petition.id()).orElse(null);
	}

	/** The scores to choose from, lowest first. */
	public int[] scale() {
		return SCALE.clone();
	}

	/** A face for each score, beside its words. */
	public String face(int score) {
		return switch (score) {
			case 1 -> "😞";
			case 2 -> "🙁";
			case 3 -> "😐";
			case 4 -> "🙂";
			default -> "😄";
		};
	}
}
