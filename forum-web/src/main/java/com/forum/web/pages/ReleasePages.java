package com.forum.web.pages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionOrder;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSummary;
import com.forum.petition.ReleaseId;
import com.forum.petition.ReleaseNote;
import com.forum.petition.ReleasePlanning;
import com.forum.petition.ReleaseSummary;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Releases and their notes, which credit each shipped petition's author and earliest backers.
 * Employees plan releases, ship petitions in them and publish them; members see published ones.
 */
@Controller
class ReleasePages {

	private static final int PAGE_SIZE = 20;

	/** How many planned or in-progress petitions the ship field suggests. */
	private static final int SHIPPABLE = 100;

	/** The statuses the workflow lets ship. */
	private static final Set<PetitionStatus> SHIPPABLE_STATUSES = Arrays.stream(PetitionStatus.values())
		.filter(status -> status.canMoveTo(PetitionStatus.SHIPPED))
		.collect(Collectors.toUnmodifiableSet());

	private final ReleasePlanning releases;

	private final PetitionQueries queries;

	private final PetitionFmt fmt;

	ReleasePages(ReleasePlanning releases, PetitionQueries queries, PetitionFmt fmt) {
		this.releases = releases;
		this.queries = queries;
		this.fmt = fmt;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	/** Members see published releases; employees also the planned ones. */
	@GetMapping("/releases")
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		Page<ReleaseSummary> found = releases.list(new Viewer(member).actorIfSignedIn(), Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "releases");
		model.addAttribute("releases", found.getContent());
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/releases" + (n > 1 ? "?page=" + n : "")));
		return "releases/list";
	}

	@GetMapping("/releases/new")
	String newRelease(Model model) {
		ReleaseForm form = new ReleaseForm();
		form.setReleaseAt(fmt.releaseInput(releases.nextReleaseSlot()));
		model.addAttribute("form", form);
		return formPage(model);
	}

	@PostMapping("/releases")
	String create(@Valid @ModelAttribute("form") ReleaseForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		Instant releaseAt = releaseAt(form.getReleaseAt(), result);
		if (!result.hasErrors()) {
			try {
				ReleaseId id = releases.create(new Viewer(member).actor(), form.getVersion(), releaseAt,
						form.getNotes());
				return "redirect:/releases/" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		model.addAttribute("failedForm", "form");
		return formPage(model);
	}

	@GetMapping("/releases/{id}")
	String release(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		return show(new ReleaseId(id), new Viewer(member), model);
	}

	@PostMapping("/releases/{id}/petitions")
	String ship(@PathVariable long id, @Valid @ModelAttribute("shipForm") ShipForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect, Model model) {
		ReleaseId release = new ReleaseId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				releases.ship(viewer.actor(), release, new PetitionId(form.getPetitionId()), form.getResponse());
				redirect.addFlashAttribute("notice", new Notice("releases.notice.shipped", form.getPetitionId()));
				return "redirect:/releases/" + release;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
			catch (NotFoundException ex) {
				result.rejectValue("petitionId", "releases.ship.not-found", new Object[] { form.getPetitionId() }, null);
			}
		}
		model.addAttribute("failedForm", "shipForm");
		return show(release, viewer, model);
	}

	@PostMapping("/releases/{id}/publish")
	String publish(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member,
			RedirectAttributes redirect) {
		releases.publish(new Viewer(member).actor(), new ReleaseId(id));
		redirect.addFlashAttribute("notice", "releases.notice.published");
		return "redirect:/releases/" + id;
	}

	private String show(ReleaseId id, Viewer viewer, Model model) {
		ReleaseNote note = releases.note(viewer.actorIfSignedIn(), id);
		model.addAttribute("section", "releases");
		model.addAttribute("release", note);
		if (viewer.staff() && note.publishedAt() == null) {
			if (!model.containsAttribute("shipForm")) {
				model.addAttribute("shipForm", new ShipForm());
			}
			model.addAttribute("shippable", shippable());
		}
		return "releases/release";
	}

	private String formPage(Model model) {
		model.addAttribute("section", "releases");
		return "releases/new";
	}

	private List<PetitionSummary> shippable() {
		return queries.list(PetitionFilter.any().withStatuses(SHIPPABLE_STATUSES), PetitionOrder.TOP, 0, SHIPPABLE)
			.getContent();
	}

	/** The date typed, in the reader's time zone; blank leaves it to the next weekly slot. */
	private Instant releaseAt(String typed, BindingResult result) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return fmt.parseReleaseInput(typed);
		}
		catch (DateTimeParseException ex) {
			result.rejectValue("releaseAt", "releases.form.release-at.invalid");
			return null;
		}
	}
}
