package com.forum.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardSummary;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionFilter;
import com.forum.petition.PetitionFollowing;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionOrder;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionSummary;
import com.forum.petition.PetitionVoting;
import com.forum.reputation.Reputation;
import com.forum.search.SearchUnavailableException;
import com.forum.search.SimilarPetition;
import com.forum.search.SimilarPetitions;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Petitions as members meet them: the list, suggesting one, a petition's page, voting, following, the roadmap. */
@Controller
class PetitionPages {

	private static final Logger log = LoggerFactory.getLogger(PetitionPages.class);

	private static final int PAGE_SIZE = 20;

	private static final int SIMILAR = 5;

	private static final int ROADMAP_LANE = 20;

	private final PetitionQueries queries;

	private final PetitionSubmission submission;

	private final PetitionVoting voting;

	private final PetitionFollowing following;

	private final SimilarPetitions similar;

	private final BoardCatalog boards;

	private final PetitionView view;

	private final PrivilegeGate privileges;

	private final Reputation reputation;

	PetitionPages(PetitionQueries queries, PetitionSubmission submission, PetitionVoting voting,
			PetitionFollowing following, SimilarPetitions similar, BoardCatalog boards, PetitionView view,
			PrivilegeGate privileges, Reputation reputation) {
		this.privileges = privileges;
		this.reputation = reputation;
		this.queries = queries;
		this.submission = submission;
		this.voting = voting;
		this.following = following;
		this.similar = similar;
		this.boards = boards;
		this.view = view;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	/** Unknown filter values are ignored rather than refused: they are only view preferences. */
	@GetMapping("/petitions")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String board,
			@RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "top") String sort,
			@RequestParam(defaultValue = "1") int page, Model model) {
		BoardSummary scope = boards.find(board).orElse(null);
		String statusName = StatusFilter.parse(status, StatusFilter.ANY);
		String tagName = tag.strip().length() <= 30 ? tag.strip().toLowerCase(Locale.ROOT) : "";
		PetitionOrder order = order(sort);
		PetitionLinks links = new PetitionLinks(statusName, scope == null ? "" : scope.slug(), tagName,
				order.name().toLowerCase(Locale.ROOT));
		PetitionFilter filter = new PetitionFilter(scope == null ? null : scope.id(), StatusFilter.statuses(statusName),
				tagName.isEmpty() ? null : tagName, null, null, null, null, false, null);
		Page<PetitionSummary> petitions = queries.list(filter, order, Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "petitions");
		model.addAttribute("petitions", petitions);
		model.addAttribute("standings", reputation.standings(petitions.map(PetitionSummary::authorId).toList()));
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("links", links);
		model.addAttribute("scope", scope);
		model.addAttribute("pager", Pager.of(Pages.number(page), petitions.getTotalPages(), links::page));
		return "petitions/list";
	}

	@GetMapping("/petitions/new")
	String newPetition(@RequestParam(defaultValue = "") String board, Model model) {
		PetitionForm form = new PetitionForm();
		boards.find(board).ifPresent(b -> form.setBoardId(b.id().value()));
		model.addAttribute("form", form);
		return formPage(form, false, model);
	}

	/**
	 * Submits the suggestion, or with {@code check} only looks for similar petitions: the way to see
	 * them without JavaScript.
	 */
	@PostMapping("/petitions")
	String submit(@Valid @ModelAttribute("form") PetitionForm form, BindingResult result,
			@RequestParam(required = false) String check, @AuthenticationPrincipal MemberPrincipal member,
			RedirectAttributes redirect, Model model) {
		if (check != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", new BeanPropertyBindingResult(form, "form"));
			return formPage(form, true, model);
		}
		if (!result.hasErrors()) {
			try {
				PetitionId id = submission.submit(privileges.actor(member),
						new PetitionDraft(new BoardId(form.getBoardId()), form.getTitle(), form.getDescription(),
								form.getDeviceModel(), form.getFirmwareVersion(), form.tagSet()));
				redirect.addFlashAttribute("notice", "petitions.notice.submitted");
				return "redirect:" + PetitionView.path(id);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		model.addAttribute("failedForm", "form");
		return formPage(form, false, model);
	}

	@GetMapping("/petitions/{id}")
	String petition(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		return view.show(new PetitionId(id), new Viewer(member), model);
	}

	@PostMapping("/petitions/{id}/vote")
	@RequiresPrivilege(Privilege.VOTE_PETITIONS)
	String vote(@PathVariable long id, @Valid @ModelAttribute("voteForm") VoteForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		PetitionId petition = new PetitionId(id);
		Viewer viewer = new Viewer(member);
		if (!result.hasErrors()) {
			try {
				voting.vote(viewer.actor(), petition, form.getDeviceModel());
				return "redirect:" + PetitionView.path(petition) + "#votes";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				PetitionForms.reject(result, ex);
			}
		}
		return view.showFailed(petition, viewer, model, "voteForm");
	}

	@PostMapping("/petitions/{id}/unvote")
	String unvote(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member) {
		PetitionId petition = new PetitionId(id);
		voting.unvote(new Viewer(member).actor(), petition);
		return "redirect:" + PetitionView.path(petition) + "#votes";
	}

	@PostMapping("/petitions/{id}/subscription")
	String subscription(@PathVariable long id, @RequestParam String mode,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		PetitionId petition = new PetitionId(id);
		PetitionFollowing.Mode chosen = switch (mode.strip().toUpperCase(Locale.ROOT)) {
			case "FOLLOW" -> PetitionFollowing.Mode.FOLLOW;
			case "MUTE" -> PetitionFollowing.Mode.MUTE;
			case "DEFAULT" -> PetitionFollowing.Mode.DEFAULT;
			default -> throw new InvalidInputException("mode", "one-of", "Choose follow, mute or default.",
					"follow, mute, default");
		};
		following.set(new Viewer(member).actor(), petition, chosen);
		redirect.addFlashAttribute("notice", "petitions.notice.follow." + chosen.name().toLowerCase(Locale.ROOT));
		return "redirect:" + PetitionView.path(petition) + "#follow";
	}

	/** Three lanes of the first few petitions each, with their totals and a link to all of them. */
	@GetMapping("/roadmap")
	String roadmap(Model model) {
		model.addAttribute("section", "roadmap");
		model.addAttribute("lanes", List.of(lane(PetitionStatus.PLANNED, PetitionOrder.TOP),
				lane(PetitionStatus.IN_PROGRESS, PetitionOrder.TOP), lane(PetitionStatus.SHIPPED, PetitionOrder.NEWEST)));
		model.addAttribute("boardsById", boards.byId());
		return "petitions/roadmap";
	}

	private Lane lane(PetitionStatus status, PetitionOrder order) {
		Page<PetitionSummary> first = queries.list(PetitionFilter.any().withStatuses(Set.of(status)), order, 0,
				ROADMAP_LANE);
		String name = status.name().toLowerCase(Locale.ROOT);
		return new Lane(status, first.getContent(), first.getTotalElements(),
				new PetitionLinks(name, "", "", order.name().toLowerCase(Locale.ROOT)).page(1));
	}

	private String formPage(PetitionForm form, boolean checked, Model model) {
		model.addAttribute("section", "petitions");
		model.addAttribute("checked", checked);
		model.addAttribute("similar", similar(form.getTitle()));
		return "petitions/new";
	}

	/** Existing petitions like the title typed so far; none when search is down or the title is empty. */
	private List<SimilarPetition> similar(String title) {
		if (title == null || title.isBlank()) {
			return List.of();
		}
		String text = title.strip();
		try {
			return similar.find(text.length() > 150 ? text.substring(0, 150) : text, SIMILAR);
		}
		catch (SearchUnavailableException | InvalidInputException ex) {
			log.debug("No similar petitions for the form: {}", ex.toString());
			return List.of();
		}
	}

	private static PetitionOrder order(String sort) {
		return switch (sort.strip().toLowerCase(Locale.ROOT)) {
			case "trending" -> PetitionOrder.TRENDING;
			case "newest" -> PetitionOrder.NEWEST;
			default -> PetitionOrder.TOP;
		};
	}

	/** A roadmap column: its first petitions, how many there are in all, and the list of all of them. */
	public record Lane(PetitionStatus status, List<PetitionSummary> items, long total, String all) {

		public String key() {
			return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public boolean shipped() {
			return status == PetitionStatus.SHIPPED;
		}

		public boolean more() {
			return total > items.size();
		}
	}

	/** Addresses of the petition list with one thing changed. */
	public record PetitionLinks(String status, String board, String tag, String sort) {

		public String sorted(String order) {
			return url(status, board, tag, order, 1);
		}

		public String tagged(String name) {
			return url(status, board, name, sort, 1);
		}

		public String withStatus(String name) {
			return url(name, board, tag, sort, 1);
		}

		public String clear() {
			return url(StatusFilter.ANY, "", "", sort, 1);
		}

		public boolean filtered() {
			return !status.equals(StatusFilter.ANY) || !board.isEmpty() || !tag.isEmpty();
		}

		String page(int page) {
			return url(status, board, tag, sort, page);
		}

		private static String url(String status, String board, String tag, String sort, int page) {
			StringBuilder url = new StringBuilder("/petitions?sort=").append(sort);
			if (!status.equals(StatusFilter.ANY)) {
				url.append("&status=").append(Pages.encode(status));
			}
			if (!board.isEmpty()) {
				url.append("&board=").append(Pages.encode(board));
			}
			if (!tag.isEmpty()) {
				url.append("&tag=").append(Pages.encode(tag));
			}
			if (page > 1) {
				url.append("&page=").append(page);
			}
			return url.toString();
		}
	}
}
