package com.forum.points;

import java.time.Instant;
import java.time.LocalDate;

import com.forum.member.MemberId;

/**
 * One entry of a ledger, as members and staff read it.
 *
 * @param reverses the entry this one compensates, or null
 * @param reversed whether a later entry compensated this one
 */
public record LedgerEntry(long id, MemberId member, Account account, int amount, String reason, String subject,
		String note, Long reverses, boolean reversed, LocalDate day, Instant at) {
}
