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
 * Tells members when their reputation crosses a privilege's threshold: a privilege lost, with the
 * reason (a like or vote taken back, content deleted, a penalty), and a privilege gained. Xiaomi's
 * community learned that taking privileges away unexplained costs trust. The entry's id keys each
 * notice, so a redelivered event tells nothing twice. Staff hold every privilege and hear nothing.
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

	@ApplicationModuleListener
	void on(LedgerPosted event) {
		if (event.account() != Account.REPUTATION || event.amount() == 0
				|| members.actor(event.memberId()).role().holdsEveryPrivilege()) {
			return;
		}
		long before = event.balance() - event.amount();
		if (event.amount() < 0) {
			Set<Privilege> lost = privileges.lostBetween(before, event.balance());
			if (!lost.isEmpty()) {
				String cause = cause(event.entryId());
				String note = ledger.entry(event.entryId()).map(LedgerEntry::note).orElse(null);
				for (Privilege privilege : lost) {
					tell(event, privilege, "lost", "notification.privilege-lost.because." + cause, note);
				}
			}
		}
		else {
			for (Privilege privilege : privileges.lostBetween(event.balance(), before)) {
				tell(event, privilege, "gained", "notification.privilege-gained.body", null);
			}
		}
	}

	private void tell(LedgerPosted event, Privilege privilege, String change, String bodyKey, String note) {
		notifications.tell(event.memberId(), "privilege-" + change,
				new Message("notification.privilege-" + change + "." + privilege.id(), Long.toString(event.balance()),
						Long.toString(privileges.needs(privilege)), note == null ? "" : note),
				bodyKey, "/privileges", "privilege-" + change + ":" + event.entryId() + ":" + privilege.id());
	}

	/**
	 * Why the reputation fell, as a key: the kind of earning a reversal took back, or a penalty (a
	 * negative entry of its own, which carries the note of whoever imposed it).
	 */
	private String cause(long entryId) {
		LedgerEntry entry = ledger.entry(entryId).orElse(null);
		if (entry == null || entry.reverses() == null) {
			return "penalty";
		}
		return ledger.entry(entry.reverses())
			.map(LedgerEntry::reason)
			.filter(EXPLAINED::contains)
			.orElse("reversal");
	}
}
