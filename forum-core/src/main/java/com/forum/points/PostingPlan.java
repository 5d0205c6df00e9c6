package com.forum.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.shared.RuleViolationException;

/**
 * Decides what each of a set of postings made together posts, from what the ledger held when their
 * balances were locked: a cause posted (or reversed, or its content withdrawn) before posts nothing, a
 * cause repeated within the set posts once, a capped earning is cut to what the day's cap leaves after
 * the earlier postings, and a spending beyond the available points is refused. Plain objects, so that
 * the rules are the same for one posting and for a thousand, and can be tested without a database.
 */
final class PostingPlan {

	/** A member's account: the unit the ledger locks. Ordered, so that locks are always taken in one order. */
	record Key(long member, Account account) implements Comparable<Key> {

		static Key of(Posting posting) {
			return new Key(posting.member().value(), posting.account());
		}

		@Override
		public int compareTo(Key other) {
			int byMember = Long.compare(member, other.member);
			return byMember != 0 ? byMember : account.compareTo(other.account);
		}
	}

	/** A locked balance row, with the zone whose calendar day counts for the member's caps. */
	record Locked(Balance balance, ZoneId zone) {
	}

	/** What the day's entries of one reason earned so far. */
	record Earned(long member, Account account, LocalDate day, String reason) {
	}

	/** A posting to insert, with the amount it posts (0 when a cap is spent) and its calendar day. */
	record Decision(int index, Posting posting, int amount, LocalDate day) {

		String causeKey() {
			return causeOf(posting.account(), posting.causeKey());
		}
	}

	private final Instant now;

	private final Map<Key, Locked> locked;

	private final Set<String> posted;

	private final Set<String> withdrawn;

	private final Map<Earned, Long> earned;

	/**
	 * @param posted the causes the ledger holds, as {@link #causeOf}
	 * @param withdrawn the subjects whose content was deleted
	 * @param earned positive amounts posted so far on the postings' days, by reason
	 */
	PostingPlan(Instant now, Map<Key, Locked> locked, Set<String> posted, Set<String> withdrawn,
			Map<Earned, Long> earned) {
		this.now = now;
		this.locked = locked;
		this.posted = posted;
		this.withdrawn = withdrawn;
		this.earned = new HashMap<>(earned);
	}

	static String causeOf(Account account, String causeKey) {
		return account.name() + '|' + causeKey;
	}

	/** The causes whose presence in the ledger decides whether a posting posts: its own and its reversal. */
	static List<String> causesToLookUp(Posting posting) {
		return List.of(posting.causeKey(), Ledger.REVERSAL_KEY + posting.causeKey());
	}

	LocalDate dayOf(Posting posting) {
		return LocalDate.ofInstant(now, locked.get(Key.of(posting)).zone());
	}

	/**
	 * The postings to insert, in the order given.
	 *
	 * @throws RuleViolationException when a spending of points would take the available balance below
	 *         zero; nothing is to be posted then
	 */
	List<Decision> decide(List<Posting> postings) {
		List<Decision> decisions = new ArrayList<>(postings.size());
		Set<String> seen = new HashSet<>();
		Map<Key, Long> available = new HashMap<>();
		for (int i = 0; i < postings.size(); i++) {
			Posting posting = postings.get(i);
			String cause = causeOf(posting.account(), posting.causeKey());
			if (posted.contains(cause) || posted.contains(causeOf(posting.account(), Ledger.REVERSAL_KEY + posting.causeKey()))
					|| isWithdrawn(posting.subject()) || isWithdrawn(posting.parent()) || !seen.add(cause)) {
				continue;
			}
			Key key = Key.of(posting);
			LocalDate day = dayOf(posting);
			int amount = posting.amount();
			if (amount > 0 && posting.cap() != null) {
				long total = 0;
				for (String reason : posting.cap().reasons()) {
					total += earned.getOrDefault(new Earned(key.member(), key.account(), day, reason), 0L);
				}
				amount = (int) Math.max(0, Math.min(amount, posting.cap().limit() - total));
			}
			long before = available.computeIfAbsent(key, k -> locked.get(k).balance().available());
			if (amount < 0 && posting.account() == Account.POINTS && before + amount < 0) {
				throw new RuleViolationException("insufficient-points",
						"Not enough points: this needs %d and %d are available.".formatted(-amount, before), -amount,
						before);
			}
			available.put(key, before + amount);
			if (amount > 0) {
				earned.merge(new Earned(key.member(), key.account(), day, posting.reason()), (long) amount, Long::sum);
			}
			decisions.add(new Decision(i, posting, amount, day));
		}
		return decisions;
	}

	private boolean isWithdrawn(String subject) {
		return subject != null && withdrawn.contains(subject);
	}
}
