package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.forum.launch.Launch;
import com.forum.launch.LaunchUnavailableException;
import com.forum.launch.Launches;
import com.forum.launch.MemberStanding;
import com.forum.launch.Reservation;
import com.forum.launch.Reservations;
import com.forum.launch.WindowNotOpenException;
import com.forum.member.MemberId;
import com.forum.shared.RuleViolationException;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.MemberPrincipal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Launches as members meet them: the list, a launch's page with the slots left, their window and why
 * they may or may not reserve yet, and the forms that reserve, cancel, wait and watch. A refusal
 * (sold out meanwhile, the window not open, admission being rebuilt) comes back on the launch's page
 * with the status the API would answer; a success redirects to it with a notice.
 */
@Controller
class LaunchPages {

	private final Launches launches;

	private final Reservations reservations;

	private final ProblemMessages messages;

	private final Fmt fmt;

	private final Clock clock;

	LaunchPages(Launches launches, Reservations reservations, ProblemMessages messages, Fmt fmt, Clock clock) {
		this.launches = launches;
		this.reservations = reservations;
		this.messages = messages;
		this.fmt = fmt;
		this.clock = clock;
	}

	@GetMapping("/launches")
	String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("section", "launches");
		model.addAttribute("launches", launches.list(new Viewer(me).staff()));
		return "launches/list";
	}

	@GetMapping("/launches/{id}")
	String launch(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		Viewer viewer = new Viewer(me);
		Launch launch = launches.get(id, viewer.staff());
		model.addAttribute("section", "launches");
		model.addAttribute("launch", launch);
		model.addAttribute("untilOpening", until(launch.opensAt()));
		// the countdowns' script reads these; data attributes may not call beans in Thymeleaf
		model.addAttribute("opensAtIso", launch.opensAt().toString());
		// staff edit a launch until its first window opens (a draft at any time before it is closed)
		model.addAttribute("editable", viewer.staff() && launch.state() != com.forum.launch.LaunchState.CLOSED
				&& (!launch.published() || clock.instant().isBefore(launch.firstWindowStart())));
		if (viewer.signedIn()) {
			MemberStanding standing = launches.standing(launch, me.memberId());
			model.addAttribute("standing", standing);
			model.addAttribute("untilWindow", until(standing.windowStart()));
			model.addAttribute("windowStartIso", standing.windowStart().toString());
		}
		return "launches/launch";
	}

	@PostMapping("/launches/{id}/reservation")
	String reserve(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> {
			Reservation made = reservations.reserve(member, id);
			redirect.addFlashAttribute("notice", new Notice("launches.notice.reserved", made.product(), made.code()));
		});
	}

	@PostMapping("/launches/{id}/reservation/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> {
			reservations.cancel(member, id);
			redirect.addFlashAttribute("notice", "launches.notice.cancelled");
		});
	}

	@PostMapping("/launches/{id}/waitlist")
	String joinWaitlist(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> redirect.addFlashAttribute("notice",
				new Notice("launches.notice.waitlisted", reservations.joinWaitlist(member, id))));
	}

	@PostMapping("/launches/{id}/waitlist/leave")
	String leaveWaitlist(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> {
			reservations.leaveWaitlist(member, id);
			redirect.addFlashAttribute("notice", "launches.notice.left-waitlist");
		});
	}

	@PostMapping("/launches/{id}/watch")
	String watch(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> {
			reservations.watch(member, id, true);
			redirect.addFlashAttribute("notice", "launches.notice.watching");
		});
	}

	@PostMapping("/launches/{id}/unwatch")
	String unwatch(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, member -> {
			reservations.watch(member, id, false);
			redirect.addFlashAttribute("notice", "launches.notice.unwatched");
		});
	}

	/** The member's reservations with their codes: only ever their own. */
	@GetMapping("/members/me/reservations")
	String mine(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("section", "reservations");
		model.addAttribute("reservations", reservations.mine(new Viewer(me).actor().id()));
		return "launches/reservations";
	}

	/**
	 * Does what the member asked and redirects to the launch, or shows the launch again with why not:
	 * a broken rule as 409, a window not open yet as 403 naming it, admission being rebuilt as 503 with
	 * Retry-After, as the API answers.
	 */
	private String act(long id, MemberPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Consumer<MemberId> action) {
		MemberId member = new Viewer(me).actor().id();
		try {
			action.accept(member);
			return "redirect:/launches/" + id;
		}
		catch (RuleViolationException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", messages.text(ex));
		}
		catch (WindowNotOpenException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("refusal", fmt.text(new DefaultMessageSourceResolvable(
					new String[] { ex.windowLevel() == 0 ? "launches.refusal.general-not-open"
							: "launches.refusal.window-not-open" },
					new Object[] { ex.level(), ex.windowLevel(), fmt.dateTimeZone(ex.opensAt()) }, ex.getMessage())));
		}
		catch (LaunchUnavailableException ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
			model.addAttribute("refusal", messages.text("launches.refusal.unavailable"));
		}
		return launch(id, me, model);
	}

	/** How long until then, for the countdown a page shows without JavaScript; null once it has passed. */
	private Duration until(java.time.Instant then) {
		Duration left = Duration.between(clock.instant(), then);
		return left.isNegative() || left.isZero() ? null : left;
	}
}
