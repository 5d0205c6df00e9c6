package com.forum.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;

import com.forum.conversation.ConversationReadByModerator;
import com.forum.discussion.PostHidden;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostModerated;
import com.forum.discussion.RevisionHidden;
import com.forum.launch.LaunchChanged;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionResponded;
import com.forum.petition.PetitionStatusChanged;
import com.forum.petition.PetitionsExported;
import com.forum.petition.ReleaseCreated;
import com.forum.petition.ReleasePublished;
import com.forum.points.PointsAdjusted;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from the events of the features that own the actions. Each entry carries a
 * key made from its event, unique, so a redelivered event adds nothing; the table refuses updates
 * and deletes (V20), so an entry, once written, stays as written.
 */
@Component
class AuditRecorder {

	private final JdbcTemplate jdbc;

	private final MemberDirectory members;

	AuditRecorder(JdbcTemplate jdbc, MemberDirectory members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	@ApplicationModuleListener
	void on(PostModerated e) {
		record("moderated:" + e.kind() + ":" + e.postId() + ":" + e.action() + ":" + e.at().toEpochMilli(), e.at(),
				e.moderatorId(), "post." + e.action(), subject(e.kind(), e.postId()), "thread " + e.topicId().value());
	}

	/** Hides by staff; hides by trusted members and by their flags are the community's, not staff actions. */
	@ApplicationModuleListener
	void on(PostHidden e) {
		if (isStaff(e.hiddenBy())) {
			record("hidden:" + e.kind() + ":" + e.postId() + ":" + e.hiddenAt().toEpochMilli(), e.hiddenAt(),
					e.hiddenBy(), "post.hidden", subject(e.kind(), e.postId()), "reason " + e.reason().id());
		}
	}

	@ApplicationModuleListener
	void on(RevisionHidden e) {
		record("revision:" + e.revisionId() + ":" + e.hidden() + ":" + e.at().toEpochMilli(), e.at(), e.moderatorId(),
				e.hidden() ? "revision.hidden" : "revision.shown", "revision:" + e.revisionId(),
				subject(e.kind(), e.postId()) + (e.note() == null ? "" : "; " + e.note()));
	}

	@ApplicationModuleListener
	void on(PetitionStatusChanged e) {
		if (isStaff(e.actorId())) {
			record("petition-status:" + e.eventId(), Instant.now(), e.actorId(), "petition.status",
					"petition:" + e.petitionId().value(), e.from() + " -> " + e.to());
		}
	}

	@ApplicationModuleListener
	void on(PetitionResponded e) {
		record("petition-response:" + e.eventId(), Instant.now(), e.actorId(), "petition.response",
				"petition:" + e.petitionId().value(), null);
	}

	@ApplicationModuleListener
	void on(ReleasePublished e) {
		record("release-published:" + e.releaseId().value(), Instant.now(), e.actorId(), "release.published",
				"release:" + e.releaseId().value(), null);
	}

	@ApplicationModuleListener
	void on(ReleaseCreated e) {
		record("release-created:" + e.releaseId().value(), e.at(), e.actorId(), "release.created",
				"release:" + e.releaseId().value(), e.version());
	}

	@ApplicationModuleListener
	void on(PetitionsExported e) {
		record("export:" + e.actorId().value() + ":" + e.at().toEpochMilli(), e.at(), e.actorId(), "petitions.exported",
				"petitions", e.rows() + " rows; " + e.filter());
	}

	@ApplicationModuleListener
	void on(PointsAdjusted e) {
		record("points-adjusted:" + e.entryId(), e.at(), e.adminId(), "points.adjusted", "member:" + e.memberId().value(),
				(e.amount() > 0 ? "+" : "") + e.amount() + "; " + e.reason());
	}

	@ApplicationModuleListener
	void on(LaunchChanged e) {
		record("launch-changed:" + e.changeId(), e.at(), e.actorId(), "launch." + e.action(), "launch:" + e.launchId(),
				e.product());
	}

	/** A moderator read a reported private conversation: every read is an entry of its own. */
	@ApplicationModuleListener
	void on(ConversationReadByModerator e) {
		record("conversation-read:" + e.eventId(), e.at(), e.moderatorId(), "conversation.read",
				"conversation:" + e.conversationId().value(), null);
	}

	private boolean isStaff(MemberId member) {
		if (member == null) {
			return false;
		}
		Role role = members.profile(member).role();
		return role.moderates() || role.isStaff();
	}

	private static String subject(PostKind kind, long postId) {
		return (kind == PostKind.TOPIC ? "topic:" : "reply:") + postId;
	}

	private void record(String key, Instant at, MemberId actor, String action, String subject, String details) {
		jdbc.update("""
				insert into staff_audit (event_key, at, actor_id, action, subject, details)
				values (?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing""", key, Timestamp.from(at),
				actor == null ? null : actor.value(), action, subject, details);
	}
}
