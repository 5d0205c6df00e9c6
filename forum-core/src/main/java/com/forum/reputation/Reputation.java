package com.forum.reputation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;

/** Members' reputation and the level it gives them. Reputation below the first rung is still Lv1. */
@Service
@Transactional(readOnly = true)
public class Reputation {

	private final Ledger ledger;

	private final NamedParameterJdbcTemplate jdbc;

	private final List<Long> ladder;

	Reputation(Ledger ledger, NamedParameterJdbcTemplate jdbc, ReputationProperties properties) {
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.ladder = List.copyOf(properties.levels());
	}

	public long of(MemberId member) {
		return ledger.balance(member, Account.REPUTATION).balance();
	}

	public Level level(MemberId member) {
		return levelFor(of(member));
	}

	/** The levels of many members in one query, for lists that show a level next to every name. */
	public Map<MemberId, Level> levels(Collection<MemberId> members) {
		Map<MemberId, Level> levels = new HashMap<>();
		if (members.isEmpty()) {
			return levels;
		}
		Map<Long, Long> reputations = new HashMap<>();
		jdbc.query("""
				select member_id, balance from ledger_balance where account = 'REPUTATION' and member_id in (:members)""",
				new MapSqlParameterSource("members", members.stream().map(MemberId::value).distinct().toList()),
				rs -> {
					reputations.put(rs.getLong(1), rs.getLong(2));
				});
		for (MemberId member : members) {
			levels.put(member, levelFor(reputations.getOrDefault(member.value(), 0L)));
		}
		return levels;
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

	/** The ladder: the reputation each level starts at, Lv1 first. */
	public List<Long> ladder() {
		return ladder;
	}
}
