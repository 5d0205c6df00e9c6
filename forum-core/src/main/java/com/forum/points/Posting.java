package com.forum.points;

import java.util.Objects;
import java.util.Set;

import com.forum.member.MemberId;

/**
 * A change to post to one member's account. The cause key names the fact it comes from (the like, the
 * check-in, the redemption); it is unique per account, so posting the same cause again posts nothing.
 *
 * @param subject the content the change is about ({@code reply:34}), whose deletion reverses it, or null
 * @param parent the thread or petition the subject belongs to, whose deletion reverses it too, or null
 * @param source the member whose action earned it (the liker, the voter), or null
 * @param actor the member who made the change by hand (an admin's adjustment), or null
 * @param cap the most that may be earned per day by the reasons the cap groups, or null for no cap
 */
public record Posting(MemberId member, Account account, int amount, String reason, String causeKey, String subject,
		String parent, MemberId source, MemberId actor, String note, DailyCap cap) {

	public Posting {
		Objects.requireNonNull(member, "member");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(causeKey, "causeKey");
	}

	public static Posting of(MemberId member, Account account, int amount, String reason, String causeKey) {
		return new Posting(member, account, amount, reason, causeKey, null, null, null, null, null, null);
	}

	public Posting about(String subject, String parent) {
		return new Posting(member, account, amount, reason, causeKey, subject, parent, source, actor, note, cap);
	}

	public Posting from(MemberId source) {
		return new Posting(member, account, amount, reason, causeKey, subject, parent, source, actor, note, cap);
	}

	public Posting by(MemberId actor, String note) {
		return new Posting(member, account, amount, reason, causeKey, subject, parent, source, actor, note, cap);
	}

	public Posting capped(DailyCap cap) {
		return new Posting(member, account, amount, reason, causeKey, subject, parent, source, actor, note, cap);
	}

	/** At most {@code limit} a day from the entries of these reasons together. */
	public record DailyCap(int limit, Set<String> reasons) {
	}
}
