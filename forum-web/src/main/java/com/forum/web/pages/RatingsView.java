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

	/**
	 * The mouth of the face drawn beside each score's words, as an SVG path in a 24 by 24 box: from a
	 * frown to a broad smile. Drawn rather than an emoji, so that every device shows the same faces.
	 */
	public String mouth(int score) {
		return switch (score) {
			case 1 -> "M7.5 17 Q12 12 16.5 17";
			case 2 -> "M8 16.5 Q12 14 16 16.5";
			case 3 -> "M8 15.5 L16 15.5";
			case 4 -> "M8 14.5 Q12 17.5 16 14.5";
			default -> "M7 13.5 Q12 19.5 17 13.5";
		};
	}
}
