package com.forum.web.pages;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionTriage;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employees' panel on a petition's page: deciding, responding, assigning and internal notes.
 * The domain refuses anyone but employees; a refused form comes back with its message.
 */
@Controller
class PetitionTriagePages {

	private final PetitionTriage triage;

	private final PetitionView view;

	private final PrivilegeGate privileges;

	PetitionTriagePages(PetitionTriage triage, PetitionView view, PrivilegeGate privileges) {
		this.triage = triage;
		this.view = view;
		this.privileges = privileges;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	@PostMapping("/petitions/{id}/status")
	String changeStatus(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect,
			Model model) {
		return act(new PetitionId(id), new Viewer(member), result, "statusForm", model, (actor, petition) -> {
			triage.changeStatus(actor, petition, form.change());
			redirect.addFlashAttribute("notice", form.getStatus() == PetitionStatus.SHIPPED
					? "triage.notice.scheduled" : "triage.notice.status-changed");
			return form.getStatus() == PetitionStatus.SHIPPED ? "#triage" : "#history";
		});
	}

	@PostMapping("/petitions/{id}/responses")
	String respond(@PathVariable long id, @Valid @ModelAttribute("responseForm") ResponseForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect,
			Model model) {
		return act(new PetitionId(id), new Viewer(member), result, "responseForm", model, (actor, petition) -> {
			triage.respond(actor, petition, form.getResponse());
			redirect.addFlashAttribute("notice", "triage.notice.responded");
			return "#history";
		});
	}

	@PostMapping("/petitions/{id}/assignee")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect, Model model) {
		return act(new PetitionId(id), new Viewer(member), result, "assignForm", model, (actor, petition) -> {
			triage.assign(actor, petition, form.getTeam(),
					form.getAssigneeId() == null ? null : new MemberId(form.getAssigneeId()));
			redirect.addFlashAttribute("notice", "triage.notice.assigned");
			return "#triage";
		});
	}

	@PostMapping("/petitions/{id}/notes")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect, Model model) {
		return act(new PetitionId(id), new Viewer(member), result, "noteForm", model,
				(actor, petition) -> "#note-" + triage.addNote(actor, petition, form.getBody()));
	}

	/**
	 * Runs a triage action when the form is valid and redirects to the part of the page it changed;
	 * a domain refusal becomes a form error and the page is shown again with what was typed, the
	 * errors summed up at its top.
	 */
	private String act(PetitionId petition, Viewer viewer, BindingResult result, String form, Model model,
			TriageAction action) {
		if (!result.hasErrors()) {
			try {
				return "redirect:" + PetitionView.path(petition)
						+ action.run(privileges.actor(viewer.member()), petition);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.showFailed(petition, viewer, model, form);
	}

	/** Performs the action and names the page anchor to return to. */
	@FunctionalInterface
	private interface TriageAction {

		String run(Actor actor, PetitionId petition);
	}
}
