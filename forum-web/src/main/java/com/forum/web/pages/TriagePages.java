package com.forum.web.pages;

import java.time.Duration;
import java.util.Locale;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionOrder;
import com.forum.petition.PetitionProperties;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionTriage;
import com.forum.petition.TriageItem;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The employees' triage queue with its bulk decision; the dashboard is {@link DashboardPages}. */
@Controller
class TriagePages {

	private static final int PAGE_SIZE = 50;

	private final PetitionTriage triage;

	private final BoardCatalog boards;

	private final PetitionView view;

	private final PetitionProperties properties;

	private final MemberDirectory members;

	TriagePages(PetitionTriage triage, BoardCatalog boards, PetitionView view, PetitionProperties properties,
			MemberDirectory members) {
		this.members = members;
		this.triage = triage;
		this.boards = boards;
		this.view = view;
		this.properties = properties;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	/** The queue, oldest first by default and open petitions only unless asked otherwise. */
	@GetMapping("/triage")
	String queue(@RequestParam(defaultValue = "") String board, @RequestParam(defaultValue = "open") String status,
			@RequestParam(defaultValue = "") String tag, @RequestParam(required = false) Integer olderThan,
			@RequestParam(required = false) Integer minVotes, @RequestParam(defaultValue = "") String team,
			@RequestParam(required = false) Long assignee, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "oldest") String sort, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		BoardSummary scope = boards.find(board).orElse(null);
		TriageQuery query = new TriageQuery(scope == null ? "" : scope.slug(),
				StatusFilter.parse(status, StatusFilter.OPEN), clip(tag, 30),
				olderThan == null ? null : Math.clamp(olderThan, 0, 3650),
				minVotes == null ? null : Math.max(0, minVotes), clip(team, 60),
				assignee == null || assignee <= 0 ? null : assignee, overdue,
				order(sort).name().toLowerCase(Locale.ROOT));
		PetitionFilter filter = new PetitionFilter(scope == null ? null : scope.id(),
				StatusFilter.statuses(query.status()),
				query.tag().isEmpty() ? null : query.tag(),
				query.olderThan() == null ? null : Duration.ofDays(query.olderThan()), query.minVotes(),
				query.team().isEmpty() ? null : query.team(),
				query.assignee() == null ? null : new MemberId(query.assignee()), query.overdue(), null);
		Page<TriageItem> items = triage.queue(new Viewer(member).actor(), filter, order(sort), Pages.index(page),
				PAGE_SIZE);
		model.addAttribute("section", "triage");
		model.addAttribute("deadlineDays", properties.firstResponseDeadline().toDays());
		model.addAttribute("items", items);
		model.addAttribute("query", query);
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("openReleases", view.openReleases(new Viewer(member)));
		model.addAttribute("staffMembers", members.staff());
		model.addAttribute("pager", Pager.of(Pages.number(page), items.getTotalPages(), query::page));
		if (!model.containsAttribute("bulkForm")) {
			model.addAttribute("bulkForm", new StatusForm());
		}
		return "triage/queue";
	}

	/**
	 * One decision for the ticked petitions, all or nothing. Either way it returns to the queue as
	 * it was filtered; a refusal keeps the ticks and the typed response, and the queue sums up its
	 * errors at the top of the page, where the address's {@code #errors} takes the reader.
	 */
	@PostMapping("/triage/bulk-status")
	String bulk(@Valid @ModelAttribute("bulkForm") StatusForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		String back = "redirect:/triage" + TriageQuery.safe(form.getQuery());
		if (form.getPetitionIds() == null || form.getPetitionIds().isEmpty()) {
			result.rejectValue("petitionIds", "triage.bulk.none-ticked");
		}
		else if (!result.hasErrors()) {
			try {
				int changed = triage.bulkChangeStatus(new Viewer(member).actor(),
						form.getPetitionIds().stream().map(PetitionId::new).toList(), form.change());
				redirect.addFlashAttribute("notice", form.getStatus() == PetitionStatus.SHIPPED
						? new Notice("triage.notice.bulk-scheduled", changed)
						: new Notice("triage.notice.bulk-moved", changed,
								new DefaultMessageSourceResolvable("petition.status." + form.getStatus().name())));
				return back;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + "bulkForm", result);
		redirect.addFlashAttribute("bulkForm", form);
		redirect.addFlashAttribute("failedForm", "bulkForm");
		return back + "#errors";
	}

	private static PetitionOrder order(String sort) {
		return switch (sort.strip().toLowerCase(Locale.ROOT)) {
			case "newest" -> PetitionOrder.NEWEST;
			case "top" -> PetitionOrder.TOP;
			case "trending" -> PetitionOrder.TRENDING;
			default -> PetitionOrder.OLDEST;
		};
	}

	private static String clip(String value, int max) {
		String text = value.strip();
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** The queue's filters, to show them in the form and to rebuild its address. */
	public record TriageQuery(String board, String status, String tag, Integer olderThan, Integer minVotes,
			String team, Long assignee, boolean overdue, String sort) {

		/** The query string without the page, to come back to after a bulk decision. */
		public String queryString() {
			StringBuilder q = new StringBuilder("status=").append(Pages.encode(status));
			append(q, "board", board);
			append(q, "tag", tag);
			append(q, "olderThan", olderThan == null ? "" : olderThan.toString());
			append(q, "minVotes", minVotes == null ? "" : minVotes.toString());
			append(q, "team", team);
			append(q, "assignee", assignee == null ? "" : assignee.toString());
			append(q, "overdue", overdue ? "true" : "");
			append(q, "sort", "oldest".equals(sort) ? "" : sort);
			return q.toString();
		}

		String page(int page) {
			return "/triage?" + queryString() + (page > 1 ? "&page=" + page : "");
		}

		/** A query string sent back by the browser, reduced to what a query string may hold. */
		static String safe(String query) {
			if (query == null || query.isBlank()) {
				return "";
			}
			String clean = query.replaceAll("[^A-Za-z0-9=&%._~+\\-]", "");
			return clean.isEmpty() ? "" : "?" + clean;
		}

		private static void append(StringBuilder q, String name, String value) {
			if (!value.isEmpty()) {
				q.append('&').append(name).append('=').append(Pages.encode(value));
			}
		}
	}
}
