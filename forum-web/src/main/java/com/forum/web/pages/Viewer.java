package com.forum.web.pages;

import com.forum.board.BoardSummary;
import com.forum.discussion.TopicDetails;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.reputation.PrivilegeStanding;
import com.forum.shared.Digests;
import com.forum.shared.PermissionDeniedException;
import com.forum.web.security.ClientAddress;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeDenial;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;

/**
 * Who is looking at a page, and which buttons to offer them. These only decide what to show; the
 * domain and method security make the real decision when a form is sent.
 *
 * @param member the signed-in member, or null for an anonymous visitor
 * @param standing the member's reputation and the privileges it allows, or null when not read
 */
public record Viewer(MemberPrincipal member, PrivilegeStanding standing) {

	public Viewer(MemberPrincipal member) {
		this(member, null);
	}

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

	/** Edit another member's post as a wiki edit: members whose reputation allows it. */
	public boolean canWikiEdit(TopicDetails topic, MemberId author) {
		return canChange(topic) && !is(author) && !moderates() && may("edit-others-posts");
	}

	/** The like button is offered to members who can like here; whether they hold the privilege is {@link #may}. */
	public boolean canLike(TopicDetails topic, MemberId author) {
		return canChange(topic) && !is(author);
	}

	/** Flag another member's post for the moderators: members whose reputation allows it, and staff. */
	public boolean canFlag(MemberId author) {
		return signedIn() && !is(author) && may("flag-posts");
	}

	/** Hide another member's post pending review: trusted members and staff. */
	public boolean canHide(MemberId author) {
		return signedIn() && !is(author) && may("hide-posts");
	}

	/** Whether the member holds the privilege ({@code like-posts}); staff hold them all. */
	public boolean may(String privilege) {
		if (member == null) {
			return false;
		}
		return standing == null ? member.role().holdsEveryPrivilege() : standing.holds(Privilege.of(privilege));
	}

	/**
	 * Why the member may not, for the hint beside a disabled control: "Voting on petitions needs 0
	 * reputation; you have -5."
	 */
	public MessageSourceResolvable missing(String privilege) {
		Privilege wanted = Privilege.of(privilege);
		long reputation = standing == null ? 0 : standing.reputation();
		long needed = standing == null ? 0 : standing.needs(wanted);
		return new DefaultMessageSourceResolvable(new String[] { "problem.denied.privilege.detail" },
				new Object[] { PrivilegeDenial.name(wanted), needed, reputation }, privilege);
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

	/**
	 * Counts a thread view once per member, or once per address and browser for a visitor. Not per session:
	 * a visitor's reading starts none (one per request from a client that keeps no cookies), and a client
	 * dropping its cookies counts no more than one that keeps them. Only a digest is kept.
	 */
	String viewerKey(jakarta.servlet.http.HttpServletRequest request, ClientAddress addresses) {
		if (member != null) {
			return "m:" + member.memberId();
		}
		String browser = request.getHeader(HttpHeaders.USER_AGENT);
		return "a:" + Digests.sha256Hex(addresses.of(request) + "|" + (browser == null ? "" : browser)).substring(0, 32);
	}
}
