package com.forum.points.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.forum.discussion.AnswerAccepted;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyChanged;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicDeleted;
import com.forum.discussion.TopicSnapshot;
import com.forum.discussion.TopicStarted;
import com.forum.member.MemberId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionStatusChanged;
import com.forum.petition.PetitionVoted;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.PointsProperties;
import com.forum.points.Posting;

/**
 * What taking part earns, posted as the facts happen. Each fact's cause key makes a redelivered event
 * post nothing, and a reversed fact (a like taken back, deleted content) is compensated whatever
 * order the events arrive in. Acting on one's own content earns nothing.
 */
@Component
class EarningRules {

	private final Ledger ledger;

	private final DiscussionQueries discussions;

	private final PetitionQueries petitions;

	private final PointsProperties properties;

	EarningRules(Ledger ledger, DiscussionQueries discussions, PetitionQueries petitions, PointsProperties properties) {
		this.ledger = ledger;
		this.discussions = discussions;
		this.petitions = petitions;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(TopicStarted event) {
		String topic = "topic:" + event.topicId().value();
		earn(event.authorId(), "topic-started", topic, topic, null, null);
	}

	@ApplicationModuleListener
	void on(ReplyPosted event) {
		// a lookup that throws NotFoundException would mark this delivery's transaction rollback-only
		// even when caught, and the delivery would fail at every retry
		TopicSnapshot thread = discussions.topicSnapshot(event.topicId()).orElse(null);
		if (thread == null || thread.deleted()) {
			return; // the thread is gone, and what it earned with it
		}
		if (!thread.authorId().equals(event.authorId())) {
			String reply = "reply:" + event.replyId().value();
			earn(event.authorId(), "reply-posted", reply, reply, "topic:" + event.topicId().value(), null);
		}
	}

	@ApplicationModuleListener
	void on(PostLiked event) {
		if (event.authorId().equals(event.likerId())) {
			return;
		}
		String subject = (event.kind() == PostKind.TOPIC ? "topic:" : "reply:") + event.postId();
		String cause = "like:" + subject + ":by:" + event.likerId().value();
		String parent = event.topicId() == null ? null : "topic:" + event.topicId().value();
		if (event.liked()) {
			earn(event.authorId(), "like-received", cause, subject, parent, event.likerId());
		}
		else {
			reverse(event.authorId(), cause, "like taken back");
		}
	}

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		String reply = "reply:" + event.replyId().value();
		String topic = "topic:" + event.topicId().value();
		ledger.reverseOthers("answer-accepted", topic, reply, "another answer was accepted");
		if (!event.answerAuthorId().equals(event.acceptedBy())) {
			earn(event.answerAuthorId(), "answer-accepted", "answer-accepted:" + reply, reply, topic, event.acceptedBy());
		}
	}

	@ApplicationModuleListener
	void on(TopicDeleted event) {
		ledger.withdraw("topic:" + event.topicId().value(), "thread deleted");
	}

	@ApplicationModuleListener
	void on(ReplyChanged event) {
		if ("deleted".equals(event.change())) {
			ledger.withdraw("reply:" + event.replyId().value(), "reply deleted");
		}
	}

	@ApplicationModuleListener
	void on(PetitionVoted event) {
		if (event.authorId().equals(event.voterId())) {
			return;
		}
		String petition = "petition:" + event.petitionId().value();
		String cause = "vote:" + petition + ":by:" + event.voterId().value();
		if (event.cast()) {
			earn(event.authorId(), "vote-received", cause, petition, null, event.voterId());
		}
		else {
			reverse(event.authorId(), cause, "vote taken back");
		}
	}

	/** Accepted into the plan earns the author; shipped earns the author and the credited backers. */
	@ApplicationModuleListener
	void on(PetitionStatusChanged event) {
		String petition = "petition:" + event.petitionId().value();
		MemberId author = petitions.details(event.petitionId()).authorId();
		if (event.to() == PetitionStatus.PLANNED) {
			earn(author, "petition-accepted", "petition-accepted:" + petition, petition, null, event.actorId());
		}
		else if (event.to() == PetitionStatus.SHIPPED) {
			earn(author, "petition-shipped", "petition-shipped:" + petition, petition, null, event.actorId());
			List<MemberId> backers = petitions.creditedBackers(event.petitionId());
			for (MemberId backer : backers) {
				earn(backer, "backer-shipped", "backer-shipped:" + petition + ":" + backer.value(), null, petition,
						event.actorId());
			}
		}
	}

	private void earn(MemberId member, String reason, String cause, String subject, String parent, MemberId source) {
		PointsProperties.Earning rule = properties.earning(reason);
		if (rule.points() > 0) {
			Posting points = Posting.of(member, Account.POINTS, rule.points(), reason, cause)
				.about(subject, parent)
				.from(source);
			ledger.post(rule.dailyPointsCap() == null ? points
					: points.capped(new Posting.DailyCap(rule.dailyPointsCap(), java.util.Set.of(reason))));
		}
		if (rule.reputation() > 0) {
			Posting reputation = Posting.of(member, Account.REPUTATION, rule.reputation(), reason, cause)
				.about(subject, parent)
				.from(source);
			PointsProperties.ReputationCap cap = properties.reputationCap();
			ledger.post(cap.reasons().contains(reason)
					? reputation.capped(new Posting.DailyCap(cap.daily(), cap.reasons())) : reputation);
		}
	}

	private void reverse(MemberId member, String cause, String note) {
		ledger.reverse(member, Account.POINTS, cause, note);
		ledger.reverse(member, Account.REPUTATION, cause, note);
	}
}
