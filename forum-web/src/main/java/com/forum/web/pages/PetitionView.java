package com.forum.web.pages;

import java.util.Comparator;
import java.util.List;

import com.forum.board.BoardCatalog;
import com.forum.member.MemberDirectory;
import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionFollowing;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.ReleaseId;
import com.forum.petition.ReleasePlanning;
import com.forum.petition.ReleaseSummary;
import com.forum.petition.TriageItem;
import com.forum.reputation.Reputation;
import com.forum.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of a petition's page, for showing it and for showing it again with a form's
 * errors. Staff-only parts (the triage panel, internal notes) are added for employees only.
 */
@Component
class PetitionView {

	static final String TEMPLATE = "petitions/petition";

	/** How many unpublished releases the ship select offers. */
	private static final int RELEASE_CHOICES = 50;

	private final PetitionQueries queries;

	private final PetitionVoting voting;

	private final PetitionFollowing following;

	private final PetitionTriage triage;

	private final ReleasePlanning releases;

	private final BoardCatalog boards;

	private final MemberDirectory members;

	private final Reputation reputation;

	PetitionView(PetitionQueries queries, PetitionVoting voting, PetitionFollowing following, PetitionTriage triage,
			ReleasePlanning releases, BoardCatalog boards, MemberDirectory members, Reputation reputation) {
		this.reputation = reputation;
		this.members = members;
		this.queries = queries;
		this.voting = voting;
		this.following = following;
		this.triage = triage;
		this.releases = releases;
		this.boards = boards;
	}

	static String path(PetitionId id) {
		return "/petitions/" + id;
	}

	/**
	 * Shows the page again with the errors of the form named {@code form} ("statusForm"), which a
	 * summary at the top of the page lists with links to the fields.
	 */
	String showFailed(PetitionId id, Viewer viewer, Model model, String form) {
		model.addAttribute("failedForm", form);
		return show(id, viewer, model);
	}

	String show(PetitionId id, Viewer viewer, Model model) {
		PetitionDetails petition = queries.details(id);
		model.addAttribute("section", "petitions");
		model.addAttribute("petition", petition);
		model.addAttribute("standings", reputation.standings(List.of(petition.authorId())));
		model.addAttribute("area", boards.find(petition.boardId()).orElse(null));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("original", original(petition));
		model.addAttribute("shippedIn", release(petition.releaseId()));
		model.addAttribute("voted", viewer.signedIn() && voting.hasVoted(viewer.member().memberId(), id));
		model.addAttribute("mode", viewer.signedIn() ? following.mode(viewer.actor(), id) : null);
		addIfMissing(model, "voteForm", new VoteForm());
		if (viewer.signedIn()) {
			// members trusted with triage help mark duplicates with it
			addIfMissing(model, "statusForm", new StatusForm());
		}
		if (viewer.staff()) {
			TriageItem item = triage.item(viewer.actor(), id);
			model.addAttribute("triageItem", item);
			model.addAttribute("scheduledIn", release(item.scheduledIn()));
			model.addAttribute("notes", triage.notes(viewer.actor(), id));
			model.addAttribute("nextStatuses",
					petition.status().next().stream().sorted(Comparator.comparing(PetitionStatus::ordinal)).toList());
			model.addAttribute("openReleases", openReleases(viewer));
			model.addAttribute("staffMembers", members.staff());
			addIfMissing(model, "statusForm", new StatusForm());
			addIfMissing(model, "responseForm", new ResponseForm());
			addIfMissing(model, "assignForm", AssignForm.of(item));
			addIfMissing(model, "noteForm", new NoteForm());
		}
		return TEMPLATE;
	}

	/** Releases that still take petitions, soonest first. */
	List<ReleaseSummary> openReleases(Viewer viewer) {
		return releases.drafts(viewer.actor(), RELEASE_CHOICES);
	}

	/** The petition a duplicate was merged into; null if there is none or it is gone. */
	private PetitionDetails original(PetitionDetails petition) {
		if (petition.duplicateOf() == null) {
			return null;
		}
		try {
			return queries.details(petition.duplicateOf());
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/** The release a petition shipped in, or (for employees) is to ship in; null if none. */
	private ReleaseSummary release(ReleaseId id) {
		if (id == null) {
			return null;
		}
		try {
			return releases.summary(id);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static void addIfMissing(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}
}
