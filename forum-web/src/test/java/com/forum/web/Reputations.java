package com.forum.web;

import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.Posting;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a test member the reputation a test needs, as the ledger would: one entry with a test cause
 * key (negative to go below zero), so every balance, level and privilege follows as in production.
 */
public final class Reputations {

	private Reputations() {
	}

	/** Posts what takes the member's reputation to exactly {@code target}. */
	public static void set(Ledger ledger, MemberId member, long target) {
		long change = target - ledger.balance(member, Account.REPUTATION).balance();
		if (change != 0) {
			ledger.post(Posting.of(member, Account.REPUTATION, Math.toIntExact(change), "test",
					"test:reputation:" + UUID.randomUUID()));
		}
	}

	public static void set(Ledger ledger, JdbcTemplate db, String username, long target) {
		set(ledger, new MemberId(db.queryForObject("select id from member where username = ?", Long.class, username)),
				target);
	}
}
