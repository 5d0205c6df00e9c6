package com.forum.points.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import com.forum.discussion.AnswerAccepted;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyChanged;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicDeleted;
import com.forum.discussion.TopicFeatured;
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
import com.forum.points.PostingBatches;
import com.forum.points.Posting;

/**
 * What taking part earns, posted as the facts happen. Each fact's cause key makes a redelivered event
 * post nothing, and a reversed fact (a like taken back, deleted content) is compensated whatever
 * order the events arrive in. Acting on one's own content earns nothing.
 *
 * <p>
 * The listeners that earn run outside a transaction of their own: their postings share a
 * transaction with those of other deliveries ({@link PostingBatches}), and the delivery is complete
 * once that has committed.
 */
@Component
class EarningRules {

	private final Ledger ledger;

	private final PostingBatches batches;

	private final DiscussionQueries discussions;

	private final PetitionQueries petitions;

	private final PointsProperties properties;

	EarningRules(Ledger ledger, PostingBatches batches, DiscussionQueries discussions, PetitionQueries petitions,
			PointsProperties properties) {
		this.ledger = ledger;
		this.batches = batches;
		this.discussions = discussions;
		this.petitions = petitions;
		this.properties = properties;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TopicStarted event) {
		String topic = "topic:" + event.topicId().value();
		earn(event.authorId(), "topic-started", topic, topic, null, null);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReplyPosted event) {
		// the thread may have been deleted before its reply's event arrives
		TopicSnapshot thread = discussions.topicSnapshot(event.topicId()).orElse(null);
		if (thread == null || thread.deleted()) {
			return; // the thread is gone, and what it earned with it
		}
		if (!thread.authorId().equals(event.authorId())) {
			String reply = "reply:" + event.replyId().value();
			earn(event.authorId(), "reply-posted", reply, reply, "topic:" + event.topicId().value(), null);
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
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

	/**
	 * In a transaction of its own, unlike the other earnings: taking back what the answer accepted
	 * before earned and earning for this one commit together, as they did before postings were
	 * batched, so that a batch posting later cannot leave two answers of one thread earning.
	 */
	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		String reply = "reply:" + event.replyId().value();
		String topic = "topic:" + event.topicId().value();
		// two acceptances in one thread are handled one after the other, each seeing what the other earned
		ledger.serializeOn("answer-accepted:" + topic);
		ledger.reverseOthers("answer-accepted", topic, reply, "another answer was accepted");
		if (!event.answerAuthorId().equals(event.acceptedBy())) {
			earn(event.answerAuthorId(), "answer-accepted", "answer-accepted:" + reply, reply, topic, event.acceptedBy());
		}
	}

	/**
	 * A featured thread earns its author once per featuring; taken off the list, what the featuring
	 * earned goes back. A moderator featuring their own thread earns nothing by it.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TopicFeatured event) {
		if (event.authorId().equals(event.moderatorId())) {
			return;
		}
		String topic = "topic:" + event.topicId().value();
		String cause = "featured:" + topic + ":at:" + event.featuredAt().toEpochMilli();
		if (event.featured()) {
			earn(event.authorId(), "topic-featured", cause, topic, null, event.moderatorId());
		}
		else {
			reverse(event.authorId(), cause, "taken off the featured list");
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

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
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
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PetitionStatusChanged event) {
		String petition = "petition:" + event.petitionId().value();
		MemberId author = petitions.details(event.petitionId()).authorId();
		if (event.to() == PetitionStatus.PLANNED) {
			earn(author, "petition-accepted", "petition-accepted:" + petition, petition, null, event.actorId());
		}
		else if (event.to() == PetitionStatus.SHIPPED) {
			List<Posting> postings = new ArrayList<>(
					properties.earnings(author, "petition-shipped", "petition-shipped:" + petition, petition, null, event.actorId()));
			for (MemberId backer : petitions.creditedBackers(event.petitionId())) {
				postings.addAll(properties.earnings(backer, "backer-shipped", "backer-shipped:" + petition + ":" + backer.value(),
						null, petition, event.actorId()));
			}
			batches.post(postings);
		}
	}

	private void earn(MemberId member, String reason, String cause, String subject, String parent, MemberId source) {
		batches.post(properties.earnings(member, reason, cause, subject, parent, source));
	}

	private void reverse(MemberId member, String cause, String note) {
		ledger.reverse(member, Account.POINTS, cause, note);
		ledger.reverse(member, Account.REPUTATION, cause, note);
	}
}
