package com.forum.web.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.forum.leaderboard.Leaderboard;
import com.forum.leaderboard.LeaderboardKind;
import com.forum.leaderboard.LeaderboardPeriod;
import com.forum.leaderboard.Leaderboards;
import com.forum.leaderboard.Ranking;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.reputation.Badges;
import com.forum.reputation.HeldBadge;
import com.forum.reputation.Reputation;
import com.forum.web.security.MemberPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leaderboards and the badges: public pages of who does the most, and what there is to earn. */
@Controller
class ReputationPages {

	private static final Logger log = LoggerFactory.getLogger(ReputationPages.class);

	private final Leaderboards leaderboards;

	private final Badges badges;

	private final Reputation reputation;

	private final MemberDirectory members;

	ReputationPages(Leaderboards leaderboards, Badges badges, Reputation reputation, MemberDirectory members) {
		this.leaderboards = leaderboards;
		this.badges = badges;
		this.reputation = reputation;
		this.members = members;
	}

	/** Unknown choices fall back to the first board rather than failing: they are only view preferences. */
	@GetMapping("/leaderboards")
	String leaderboards(@RequestParam(defaultValue = "reputation") String kind,
			@RequestParam(defaultValue = "week") String period, @AuthenticationPrincipal MemberPrincipal viewer,
			Model model) {
		LeaderboardKind shownKind = choice(LeaderboardKind.class, kind, LeaderboardKind.REPUTATION);
		LeaderboardPeriod shownPeriod = choice(LeaderboardPeriod.class, period, LeaderboardPeriod.WEEK);
		model.addAttribute("section", "leaderboards");
		model.addAttribute("kind", name(shownKind));
		model.addAttribute("period", name(shownPeriod));
		model.addAttribute("kinds", Arrays.stream(LeaderboardKind.values()).map(ReputationPages::name).toList());
		model.addAttribute("periods", Arrays.stream(LeaderboardPeriod.values()).map(ReputationPages::name).toList());
		try {
			Leaderboard board = leaderboards.top(shownKind, shownPeriod);
			List<MemberId> shown = board.top().stream().map(Ranking::member).toList();
			model.addAttribute("leaderboard", board);
			model.addAttribute("names", members.usernames(shown));
			model.addAttribute("standings", reputation.standings(shown));
			if (viewer != null) {
				model.addAttribute("me", leaderboards.rankOf(shownKind, shownPeriod, viewer.memberId()).orElse(null));
				model.addAttribute("meChecked", true);
			}
		}
		catch (DataAccessException ex) {
			// Redis or the database is away: the page says so rather than failing
			log.warn("Could not read the {} {} leaderboard: {}", shownKind, shownPeriod, ex.toString());
			model.addAttribute("unavailable", true);
		}
		return "reputation/leaderboards";
	}

	@GetMapping("/badges")
	String badges(@AuthenticationPrincipal MemberPrincipal viewer, Model model) {
		model.addAttribute("section", "badges");
		model.addAttribute("holders", badges.holders());
		model.addAttribute("held", viewer == null ? List.of()
				: badges.heldBy(viewer.memberId()).stream().map(HeldBadge::badge).toList());
		return "reputation/badges";
	}

	/** A choice as it is written in addresses: "all-time". */
	static String name(Enum<?> choice) {
		return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback) {
		for (E constant : type.getEnumConstants()) {
			if (name(constant).equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		return fallback;
	}
}
