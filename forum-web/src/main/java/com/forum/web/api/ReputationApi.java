package com.forum.web.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.forum.leaderboard.Leaderboard;
import com.forum.leaderboard.LeaderboardKind;
import com.forum.leaderboard.LeaderboardPeriod;
import com.forum.leaderboard.Leaderboards;
import com.forum.leaderboard.Ranking;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.reputation.Badge;
import com.forum.reputation.Badges;
import com.forum.reputation.HeldBadge;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.web.api.ReputationDtos.BadgeResponse;
import com.forum.web.api.ReputationDtos.HeldBadgeResponse;
import com.forum.web.api.ReputationDtos.LeaderboardResponse;
import com.forum.web.api.ReputationDtos.RankingResponse;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leaderboards and badges: public, for anyone; a signed-in caller also learns their own place. */
@RestController
@Tag(name = "Reputation", description = "Leaderboards and badges")
class ReputationApi {

	private final Leaderboards leaderboards;

	private final Badges badges;

	private final Reputation reputation;

	private final MemberDirectory members;

	private final MessageSource messages;

	ReputationApi(Leaderboards leaderboards, Badges badges, Reputation reputation, MemberDirectory members,
			MessageSource messages) {
		this.leaderboards = leaderboards;
		this.badges = badges;
		this.reputation = reputation;
		this.members = members;
		this.messages = messages;
	}

	@GetMapping("/api/v1/leaderboards")
	@Operation(summary = "The top of a leaderboard, and the caller's own place when signed in; weeks start on "
			+ "Monday and months on the 1st, Asia/Shanghai")
	LeaderboardResponse leaderboard(@AuthenticationPrincipal MemberPrincipal me,
			@Parameter(description = "reputation or points (points earned: spending does not lower them)")
			@RequestParam(defaultValue = "reputation") String kind,
			@Parameter(description = "week, month or all-time") @RequestParam(defaultValue = "week") String period) {
		LeaderboardKind board = ApiParameters.parse(LeaderboardKind.class, "kind", kind);
		LeaderboardPeriod span = ApiParameters.parse(LeaderboardPeriod.class, "period", period);
		Leaderboard top = leaderboards.top(board, span);
		Ranking mine = me == null ? null : leaderboards.rankOf(board, span, me.memberId()).orElse(null);
		List<MemberId> shown = top.top().stream().map(Ranking::member).toList();
		if (mine != null) {
			shown = Stream.concat(shown.stream(), Stream.of(mine.member())).toList();
		}
		Map<MemberId, String> names = members.usernames(shown);
		Standings standings = reputation.standings(shown);
		boolean allTime = top.window().isAllTime();
		return new LeaderboardResponse(name(board), name(span), top.window().firstDay(),
				allTime ? null : top.window().from(), allTime ? null : top.window().to(),
				top.top().stream().map(r -> ranking(r, names, standings)).toList(),
				mine == null ? null : ranking(mine, names, standings));
	}

	@GetMapping("/api/v1/badges")
	@Operation(summary = "Every badge, with what earns it and how many members hold it")
	List<BadgeResponse> badges() {
		return badges.holders().entrySet().stream().map(entry -> {
			Badge badge = entry.getKey();
			return new BadgeResponse(badge.id(), name(badge), description(badge), name(badge.rule()), badge.reason(),
					badge.threshold(), entry.getValue());
		}).toList();
	}

	@GetMapping("/api/v1/members/{username}/badges")
	@Operation(summary = "The badges a member holds, with when each was earned")
	List<HeldBadgeResponse> memberBadges(@PathVariable String username) {
		return badges.heldBy(members.profile(username).id()).stream().map(this::held).toList();
	}

	private HeldBadgeResponse held(HeldBadge held) {
		return new HeldBadgeResponse(held.badge().id(), name(held.badge()), description(held.badge()), held.grantedAt());
	}

	private static RankingResponse ranking(Ranking ranking, Map<MemberId, String> names, Standings standings) {
		return new RankingResponse(ranking.rank(), ranking.member().value(), names.get(ranking.member()),
				standings.level(ranking.member()), ranking.score());
	}

	private String name(Badge badge) {
		return messages.getMessage("badge." + badge.id() + ".name", null, badge.id(), LocaleContextHolder.getLocale());
	}

	private String description(Badge badge) {
		return messages.getMessage("badge." + badge.id() + ".description", new Object[] { badge.threshold() }, "",
				LocaleContextHolder.getLocale());
	}

	private static String name(Enum<?> choice) {
		return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
