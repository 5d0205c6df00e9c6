package com.forum.web.pages;

import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionTriage;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
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

	PetitionTriagePages(PetitionTriage triage, PetitionView view) {
		this.triage = triage;
		this.view = view;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	@PostMapping("/petitions/{id}/status")
	String changeStatus(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect,
			Model model) {
		PetitionId petition = new PetitionId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				triage.changeStatus(viewer.actor(), petition, form.change());
				redirect.addFlashAttribute("notice", "Status changed; everyone following it is being told.");
				return "redirect:" + PetitionView.path(petition) + "#history";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.show(petition, viewer, model);
	}

	@PostMapping("/petitions/{id}/responses")
	String respond(@PathVariable long id, @Valid @ModelAttribute("responseForm") ResponseForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect,
			Model model) {
		PetitionId petition = new PetitionId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				triage.respond(viewer.actor(), petition, form.getResponse());
				redirect.addFlashAttribute("notice", "Official response published.");
				return "redirect:" + PetitionView.path(petition) + "#history";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.show(petition, viewer, model);
	}

	@PostMapping("/petitions/{id}/assignee")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect, Model model) {
		PetitionId petition = new PetitionId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				triage.assign(viewer.actor(), petition, form.getTeam(),
						form.getAssigneeId() == null ? null : new MemberId(form.getAssigneeId()));
				redirect.addFlashAttribute("notice", "Assignment saved.");
				return "redirect:" + PetitionView.path(petition) + "#triage";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.show(petition, viewer, model);
	}

	@PostMapping("/petitions/{id}/notes")
	String addNote(@PathVariable long id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		PetitionId petition = new PetitionId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				long note = triage.addNote(viewer.actor(), petition, form.getBody());
				return "redirect:" + PetitionView.path(petition) + "#note-" + note;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.show(petition, viewer, model);
	}
}
