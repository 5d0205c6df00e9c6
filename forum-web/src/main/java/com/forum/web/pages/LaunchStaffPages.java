package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.forum.launch.Launch;
import com.forum.launch.LaunchAction;
import com.forum.launch.LaunchDraft;
import com.forum.launch.LaunchProperties;
import com.forum.launch.Launches;
import com.forum.launch.PriorityWindow;
import com.forum.launch.Reservation;
import com.forum.launch.Reservations;
import com.forum.member.MemberDirectory;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Launches as employees run them: create and edit (until the first window opens), open a draft,
 * pause, resume and close, watch the figures, and redeem reservation codes at the store's counter.
 * A form with mistakes comes back with them (400) and nothing is written.
 */
@Controller
class LaunchStaffPages {

	private final Launches launches;

	private final Reservations reservations;

	private final LaunchProperties properties;

	private final PetitionFmt zoned;

	private final MemberDirectory members;

	private final Clock clock;

	LaunchStaffPages(Launches launches, Reservations reservations, LaunchProperties properties, PetitionFmt zoned,
			MemberDirectory members, Clock clock) {
		this.members = members;
		this.launches = launches;
		this.reservations = reservations;
		this.properties = properties;
		this.zoned = zoned;
		this.clock = clock;
	}

	@InitBinder("form")
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
		// rows beyond what a launch may have are not bound at all, however many indexes a request names
		binder.setAutoGrowCollectionLimit(properties.maxWindows() + LaunchForm.SPARE_ROWS);
	}

	@GetMapping("/launches/new")
	String newLaunch(Model model) {
		LaunchForm form = new LaunchForm();
		form.setOpensAt(zoned.releaseInput(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS)));
		model.addAttribute("form", form.withSpareRows(properties.maxWindows()));
		return formPage(null, model);
	}

	@PostMapping("/launches")
	String create(@Valid @ModelAttribute("form") LaunchForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, HttpServletResponse response) {
		LaunchDraft draft = draft(form, result);
		if (draft != null) {
			try {
				Launch created = launches.create(new Viewer(me).actor(), draft);
				return "redirect:/launches/" + created.id();
			}
			catch (InvalidInputException | RuleViolationException ex) {
				response.setStatus(ex instanceof RuleViolationException ? HttpStatus.CONFLICT.value()
						: HttpStatus.BAD_REQUEST.value());
				Forms.reject(result, ex);
			}
		}
		return again(null, form, model, response);
	}

	@GetMapping("/launches/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Launch launch = launches.get(id, true);
		LaunchForm form = new LaunchForm();
		form.setProduct(launch.product());
		form.setSlots(launch.slots());
		form.setOpensAt(zoned.releaseInput(launch.opensAt()));
		form.setPointsPrice(launch.pointsPrice());
		form.setValidity((int) Math.max(1, launch.validity().toHours()));
		form.setWindows(new ArrayList<>(launch.windows().stream()
			.map(w -> new LaunchForm.WindowRow(w.minLevel(), w.opensBefore().toHours()))
			.toList()));
		model.addAttribute("form", form.withSpareRows(properties.maxWindows()));
		return formPage(launch, model);
	}

	@PostMapping("/launches/{id}")
	String change(@PathVariable long id, @Valid @ModelAttribute("form") LaunchForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Launch launch = launches.get(id, true);
		LaunchDraft draft = draft(form, result);
		if (draft != null) {
			try {
				launches.edit(new Viewer(me).actor(), id, draft);
				redirect.addFlashAttribute("notice", "launches.notice.edited");
				return "redirect:/launches/" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				response.setStatus(ex instanceof RuleViolationException ? HttpStatus.CONFLICT.value()
						: HttpStatus.BAD_REQUEST.value());
				Forms.reject(result, ex);
			}
		}
		return again(launch, form, model, response);
	}

	@PostMapping("/launches/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		return change(id, me, LaunchAction.OPEN, redirect);
	}

	@PostMapping("/launches/{id}/pause")
	String pause(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		return change(id, me, LaunchAction.PAUSE, redirect);
	}

	@PostMapping("/launches/{id}/resume")
	String resume(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		return change(id, me, LaunchAction.RESUME, redirect);
	}

	@PostMapping("/launches/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		return change(id, me, LaunchAction.CLOSE, redirect);
	}

	/** The figures of a sale; a small script reloads the panel every few seconds. */
	@GetMapping("/launches/{id}/figures")
	String figures(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("section", "launches");
		model.addAttribute("launch", launches.get(id, true));
		model.addAttribute("figures", launches.figures(new Viewer(me).actor(), id));
		return "launches/figures";
	}

	@GetMapping("/store/redeem")
	String redeemForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RedeemCodeForm());
		}
		model.addAttribute("section", "launches");
		return "store/redeem";
	}

	/** Confirms a reservation by its code once; a used, void or unknown code is said so on the form. */
	@PostMapping("/store/redeem")
	String redeem(@Valid @ModelAttribute("form") RedeemCodeForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		model.addAttribute("failedForm", "form");
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return redeemForm(model);
		}
		try {
			Reservation confirmed = reservations.redeem(new Viewer(me).actor(), form.getCode());
			redirect.addFlashAttribute("notice", new Notice("store.notice.redeemed", confirmed.code(),
					confirmed.product(), members.profile(confirmed.member()).username()));
			return "redirect:/store/redeem";
		}
		catch (RuleViolationException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			Forms.reject(result, ex);
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			result.rejectValue("code", "store.redeem.unknown", new Object[] { form.getCode() }, null);
		}
		return redeemForm(model);
	}

	private String change(long id, MemberPrincipal me, LaunchAction action, RedirectAttributes redirect) {
		launches.change(new Viewer(me).actor(), id, action);
		redirect.addFlashAttribute("notice", "launches.notice." + action.pastTense());
		return "redirect:/launches/" + id;
	}

	/**
	 * What the form says as the domain takes it, or null when the form has mistakes already: the
	 * opening read in the employee's zone, the hours as durations, empty window rows left out.
	 */
	private LaunchDraft draft(LaunchForm form, BindingResult result) {
		Instant opensAt = null;
		if (!result.hasFieldErrors("opensAt")) {
			try {
				opensAt = zoned.parseReleaseInput(form.getOpensAt());
			}
			catch (DateTimeParseException ex) {
				result.rejectValue("opensAt", "launches.form.opens-at.invalid");
			}
		}
		List<PriorityWindow> windows = new ArrayList<>();
		for (LaunchForm.WindowRow row : form.getWindows()) {
			if (row == null || row.blank()) {
				continue;
			}
			if (row.getMinLevel() == null || row.getHoursBefore() == null) {
				result.rejectValue("windows", "launches.form.window.incomplete");
				break;
			}
			windows.add(new PriorityWindow(row.getMinLevel(), Duration.ofHours(row.getHoursBefore())));
		}
		if (result.hasErrors()) {
			return null;
		}
		return new LaunchDraft(form.getProduct(), form.getSlots(), opensAt, windows, form.getPointsPrice(),
				form.getValidity() == null ? null : Duration.ofHours(form.getValidity()), form.isDraft());
	}

	private String again(Launch launch, LaunchForm form, Model model, HttpServletResponse response) {
		if (response.getStatus() < 400) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		form.withSpareRows(properties.maxWindows());
		model.addAttribute("failedForm", "form");
		return formPage(launch, model);
	}

	private String formPage(Launch launch, Model model) {
		model.addAttribute("section", "launches");
		model.addAttribute("launch", launch);
		return "launches/form";
	}
}
