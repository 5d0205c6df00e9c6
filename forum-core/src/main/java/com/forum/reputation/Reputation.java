package com.forum.reputation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;
import com.forum.trust.MemberReputation;
import com.forum.points.Account;
import com.forum.points.Ledger;

/** Members' reputation and the level it gives them. Reputation below the first rung is still Lv1. */
@Service
@Transactional(readOnly = true)
public class Reputation implements MemberReputation {

	private final Ledger ledger;

	private final NamedParameterJdbcTemplate jdbc;

	private final List<Long> ladder;

	Reputation(Ledger ledger, NamedParameterJdbcTemplate jdbc, ReputationProperties properties) {
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.ladder = List.copyOf(properties.levels());
	}

	@Override
	public long of(MemberId member) {
		return ledger.balance(member, Account.REPUTATION).balance();
	}

	public Level level(MemberId member) {
		return levelFor(of(member));
	}

	/** The levels of many members in one query, for lists that show a level next to every name. */
	public Map<MemberId, Level> levels(Collection<MemberId> members) {
		Standings standings = standings(members);
		Map<MemberId, Level> levels = new HashMap<>();
		for (MemberId member : members) {
			levels.put(member, standings.of(member).level());
		}
		return levels;
	}

	/**
	 * The reputation and level of many members in one query, for pages that show a level next to every
	 * name and say what it stands for.
	 */
	public Standings standings(Collection<MemberId> members) {
		Map<MemberId, Standing> standings = new HashMap<>();
		List<Long> ids = members.stream().filter(Objects::nonNull).map(MemberId::value).distinct().toList();
		if (!ids.isEmpty()) {
			jdbc.query("""
					select member_id, balance from ledger_balance where account = 'REPUTATION' and member_id in (:members)""",
					new MapSqlParameterSource("members", ids), rs -> {
						long reputation = rs.getLong(2);
						standings.put(new MemberId(rs.getLong(1)), new Standing(reputation, levelFor(reputation)));
					});
		}
		return new Standings(standings, new Standing(0, levelFor(0)));
	}

	public Standing standing(MemberId member) {
		long reputation = of(member);
		return new Standing(reputation, levelFor(reputation));
	}

	public Level levelFor(long reputation) {
		int index = 0;
		for (int i = 1; i < ladder.size(); i++) {
			if (reputation >= ladder.get(i)) {
				index = i;
			}
		}
		return new Level(index + 1, ladder.get(index), index + 1 < ladder.size() ? ladder.get(index + 1) : null);
	}

	/** Every member with at least this much reputation. */
	List<MemberId> membersWithAtLeast(long reputation) {
		return jdbc.queryForList("""
				select member_id from ledger_balance where account = 'REPUTATION' and balance >= :reputation
				order by member_id""", new MapSqlParameterSource("reputation", reputation), Long.class)
			.stream()
			.map(MemberId::new)
			.toList();
	}

	/** The ladder: the reputation each level starts at, Lv1 first. */
	public List<Long> ladder() {
		return ladder;
	}
}
