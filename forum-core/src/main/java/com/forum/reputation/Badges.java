package com.forum.reputation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.points.CheckIns;
import com.forum.points.LedgerPosted;
import com.forum.points.LedgerTotals;

/**
 * Badges (勋章): milestones from configuration, each granted to a member once, when a count from the
 * ledger (or the check-ins, or reputation) first reaches it. A badge is never taken away, even when
 * the count later drops (a like taken back, an answer no longer accepted): it marks that the milestone
 * was reached. Granting is safe to repeat and to run on several nodes at once: a member holds a badge
 * in one row, and the member is told in one notification.
 */
@Service
public class Badges {

	private final NamedParameterJdbcTemplate jdbc;

	private final LedgerTotals totals;

	private final CheckIns checkIns;

	private final Reputation reputation;

	private final Notifications notifications;

	private final MemberDirectory members;

	private final Clock clock;

	private final List<Badge> badges;

	Badges(NamedParameterJdbcTemplate jdbc, LedgerTotals totals, CheckIns checkIns, Reputation reputation,
			Notifications notifications, MemberDirectory members, Clock clock, BadgeProperties properties) {
		this.jdbc = jdbc;
		this.totals = totals;
		this.checkIns = checkIns;
		this.reputation = reputation;
		this.notifications = notifications;
		this.members = members;
		this.clock = clock;
		this.badges = properties.definitions();
	}

	/** Every badge, in the order of the configuration. */
	public List<Badge> all() {
		return badges;
	}

	public Optional<Badge> find(String id) {
		return badges.stream().filter(badge -> badge.id().equals(id)).findFirst();
	}

	/** The badges the member holds, in the order of the configuration; one since removed from it is left out. */
	@Transactional(readOnly = true)
	public List<HeldBadge> heldBy(MemberId member) {
		Map<String, java.time.Instant> held = new LinkedHashMap<>();
		jdbc.query("select badge, granted_at from member_badge where member_id = :member",
				new MapSqlParameterSource("member", member.value()),
				rs -> {
					held.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				});
		return badges.stream()
			.filter(badge -> held.containsKey(badge.id()))
			.map(badge -> new HeldBadge(badge, held.get(badge.id())))
			.toList();
	}

	/** How many members hold each badge, in the order of the configuration. */
	@Transactional(readOnly = true)
	public Map<Badge, Long> holders() {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.query("select badge, count(*) from member_badge group by badge", rs -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		Map<Badge, Long> holders = new LinkedHashMap<>();
		badges.forEach(badge -> holders.put(badge, counts.getOrDefault(badge.id(), 0L)));
		return holders;
	}

	/**
	 * Whether any badge may have been reached through these postings. Postings that can reach none (a
	 * reply's points, reputation below every threshold) are not worth a delivery to
	 * {@link #grantAfterPosting}: the badge sweep would find nothing new after them either.
	 */
	public boolean mayBeReachedBy(LedgerPosted posted) {
		return posted.entries()
			.stream()
			.anyMatch(entry -> badges.stream().anyMatch(badge -> badge.mayBeReachedBy(entry)));
	}

	/**
	 * Grants the badges that these postings may have brought their members to. Returns the badges
	 * granted now (none when the members held them already).
	 */
	@Transactional
	public List<Badge> grantAfterPosting(LedgerPosted posted) {
		// most postings are by members who hold the badges they may reach: one query spares the counts
		Map<MemberId, Set<String>> held = held(posted.entries().stream().map(LedgerPosted.Entry::memberId).toList());
		List<Badge> granted = new ArrayList<>();
		// badges of one reason at several thresholds (liked-10, liked-100) share one count
		Map<MemberId, Map<String, Long>> causes = new HashMap<>();
		for (LedgerPosted.Entry posting : posted.entries()) {
			Set<String> holds = held.computeIfAbsent(posting.memberId(), member -> new HashSet<>());
			for (Badge badge : badges) {
				if (!holds.contains(badge.id()) && badge.mayBeReachedBy(posting)
						&& reached(posting.memberId(), badge, causes.computeIfAbsent(posting.memberId(), m -> new HashMap<>()))
						&& grant(posting.memberId(), badge)) {
					holds.add(badge.id());
					granted.add(badge);
				}
			}
		}
		return granted;
	}

	private Map<MemberId, Set<String>> held(List<MemberId> members) {
		Map<MemberId, Set<String>> held = new HashMap<>();
		jdbc.query("select member_id, badge from member_badge where member_id = any(cast(:members as bigint[]))",
				new MapSqlParameterSource("members", members.stream().map(MemberId::value).distinct().toArray(Long[]::new)),
				rs -> {
					held.computeIfAbsent(new MemberId(rs.getLong(1)), member -> new HashSet<>()).add(rs.getString(2));
				});
		return held;
	}

	/**
	 * Grants every badge to every member who has reached it and does not hold it yet: a badge added to
	 * the configuration reaches those who qualified before it existed. Returns how many were granted.
	 */
	@Transactional
	public int grantToEveryoneQualified() {
		int granted = 0;
		for (Badge badge : badges) {
			for (MemberId member : qualified(badge)) {
				if (grant(member, badge)) {
					granted++;
				}
			}
		}
		return granted;
	}

	private boolean reached(MemberId member, Badge badge, Map<String, Long> causes) {
		return switch (badge.rule()) {
			case ENTRIES -> causes.computeIfAbsent(badge.reason(), reason -> totals.causes(member, reason))
					>= badge.threshold();
			case CHECK_IN_STREAK -> checkIns.longestStreak(member) >= badge.threshold();
			case REPUTATION -> reputation.of(member) >= badge.threshold();
		};
	}

	private List<MemberId> qualified(Badge badge) {
		return switch (badge.rule()) {
			case ENTRIES -> totals.membersWithCauses(badge.reason(), badge.threshold());
			case CHECK_IN_STREAK -> checkIns.membersWithStreak((int) Math.min(Integer.MAX_VALUE, badge.threshold()));
			case REPUTATION -> reputation.membersWithAtLeast(badge.threshold());
		};
	}

	/** Records the badge and tells the member, unless they hold it already. */
	private boolean grant(MemberId member, Badge badge) {
		boolean granted = jdbc.update("""
				insert into member_badge (member_id, badge, granted_at) values (:member, :badge, :now)
				on conflict do nothing""",
				new MapSqlParameterSource("member", member.value()).addValue("badge", badge.id())
					.addValue("now", Timestamp.from(clock.instant()))) > 0;
		if (granted) {
			String username = members.profile(member).username();
			notifications.send(member, "badge-granted", new Message("badge." + badge.id() + ".name"),
					new Message("notification.badge-granted"),
					"/members/" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20") + "#badges",
					"badge:" + badge.id());
		}
		return granted;
	}
}
