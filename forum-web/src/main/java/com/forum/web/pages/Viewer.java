package com.forum.web.pages;

import com.forum.board.BoardSummary;
import com.forum.discussion.TopicDetails;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.PermissionDeniedException;
import com.forum.web.security.MemberPrincipal;

/**
 * Who is looking at a page, and which buttons to offer them. These only decide what to show; the
 * domain makes the real decision when a form is sent.
 *
 * @param member the signed-in member, or null for an anonymous visitor
 */
public record Viewer(MemberPrincipal member) {

	public boolean signedIn() {
		return member != null;
	}

	public boolean moderates() {
		return member != null && member.moderates();
	}

	/** Employees (and admins): they triage petitions and plan releases. */
	public boolean staff() {
		return member != null && member.role().isStaff();
	}

	public boolean is(MemberId id) {
		return member != null && member.memberId().equals(id);
	}

	/** A locked thread is frozen for members; moderators still act in it. */
	public boolean canChange(TopicDetails topic) {
		return signedIn() && (!topic.locked() || moderates());
	}

	/** Edit or delete a post of the thread: its author or a moderator, while the thread is open to them. */
	public boolean canEdit(TopicDetails topic, MemberId author) {
		return canChange(topic) && (is(author) || moderates());
	}

	public boolean canLike(TopicDetails topic, MemberId author) {
		return canChange(topic) && !is(author);
	}

	public boolean canReply(TopicDetails topic) {
		return canChange(topic);
	}

	public boolean canAccept(TopicDetails topic, BoardSummary board) {
		return board.isSupport() && canEdit(topic, topic.authorId());
	}

	/** The acting member; a missing sign-in on a members-only page is refused, never a server error. */
	Actor actor() {
		if (member == null) {
			throw new PermissionDeniedException("sign-in", "Please sign in first.");
		}
		return member.actor();
	}

	/** The member looking, or null for a visitor, for reads that show more to some than to others. */
	Actor actorIfSignedIn() {
		return member == null ? null : member.actor();
	}

	/** Counts a thread view once per member, or once per browser session for anonymous visitors. */
	String viewerKey(jakarta.servlet.http.HttpServletRequest request) {
		return member != null ? "m:" + member.memberId() : "s:" + request.getSession(true).getId();
	}
}
