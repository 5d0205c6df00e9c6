package com.forum.reputation.internal;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.forum.member.MemberDirectory;
import com.forum.member.Privilege;
import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerEntry;
import com.forum.points.LedgerPosted;
import com.forum.reputation.Privileges;

/**
 * Tells members when their reputation falls below a privilege's threshold: which privilege they lost
 * and why (a like or vote taken back, content deleted, a penalty with its note). Xiaomi's community
 * learned that taking privileges away unexplained costs trust. Gains are not announced: the ladder
 * page shows them, and the notification centre stays for what members did not expect. The entry's
 * id keys each notice, so a redelivered event tells nothing twice. Staff hold every privilege and
 * hear nothing.
 */
@Component
class PrivilegeNotices {

	/** The earnings whose reversal the notice explains in words of its own. */
	private static final Set<String> EXPLAINED = Set.of("like-received", "vote-received", "answer-accepted",
			"petition-accepted", "petition-shipped");

	private final Privileges privileges;

	private final Ledger ledger;

	private final Notifications notifications;

	private final MemberDirectory members;

	PrivilegeNotices(Privileges privileges, Ledger ledger, Notifications notifications, MemberDirectory members) {
		this.privileges = privileges;
		this.ledger = ledger;
		this.notifications = notifications;
		this.members = members;
	}

	/** Only falls in reputation are of interest: every other entry is left unrecorded by the event registry. */
	@ApplicationModuleListener(condition = "#event.lowersReputation()")
	void on(LedgerPosted event) {
		for (LedgerPosted.Entry entry : event.entries()) {
			if (entry.account() == Account.REPUTATION && entry.amount() < 0) {
				tellWhatWasLost(entry);
			}
		}
	}

	private void tellWhatWasLost(LedgerPosted.Entry event) {
		Set<Privilege> lost = privileges.lostBetween(event.balance() - event.amount(), event.balance());
		if (lost.isEmpty() || members.actor(event.memberId()).role().holdsEveryPrivilege()) {
			return;
		}
		LedgerEntry entry = ledger.entry(event.entryId()).orElse(null);
		String bodyKey = "notification.privilege-lost.because." + cause(entry);
		String note = entry == null || entry.note() == null ? "" : entry.note();
		for (Privilege privilege : lost) {
			notifications.tell(event.memberId(), "privilege-lost",
					new Message("notification.privilege-lost." + privilege.id(), Long.toString(event.balance()),
							Long.toString(privileges.needs(privilege)), note),
					bodyKey, "/privileges", "privilege-lost:" + event.entryId() + ":" + privilege.id());
		}
	}

	/**
	 * Why the reputation fell, as a key: the kind of earning a reversal took back, or a penalty (a
	 * negative entry of its own, which carries the note of whoever imposed it).
	 */
	private String cause(LedgerEntry entry) {
		if (entry == null || entry.reverses() == null) {
			return "penalty";
		}
		return ledger.entry(entry.reverses())
			.map(LedgerEntry::reason)
			.filter(EXPLAINED::contains)
			.orElse("reversal");
	}
}
