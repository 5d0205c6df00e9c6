package com.forum.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.Digests;
import com.forum.shared.RuleViolationException;
import com.forum.trust.internal.Offences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asked before a thread, reply or petition is stored, in the transaction that stores it: refuses a
 * silenced member, a new member's post with more links and images than new members may post, the
 * same text again within the window, and a burst of posts. Each duplicate and burst is an offence;
 * enough of them within the window silence the member (see {@link Offences}). Staff and moderators are trusted.
 */
@Service
public class PostingTrust {

	private static final Logger log = LoggerFactory.getLogger(PostingTrust.class);

	private final TrustProperties properties;

	private final MemberDirectory members;

	private final MemberReputation reputation;

	private final Offences offences;

	private final StringRedisTemplate redis;

	private final Clock clock;

	PostingTrust(TrustProperties properties, MemberDirectory members, MemberReputation reputation, Offences offences,
			StringRedisTemplate redis, Clock clock) {
		this.properties = properties;
		this.members = members;
		this.reputation = reputation;
		this.offences = offences;
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Refuses the post, or counts it.
	 *
	 * @param links how many links and images the text shows
	 */
	public void admit(Actor author, String text, int links) {
		if (author.isStaff() || author.moderates()) {
			return;
		}
		MemberId member = author.id();
		admitEdit(author, links);
		checkBurst(member);
		checkDuplicate(member, text);
		offences.countPost(member);
	}

	/** An edit: refused while silenced, or when it leaves a new member's post with too many links. */
	public void admitEdit(Actor author, int links) {
		if (author.isStaff() || author.moderates()) {
			return;
		}
		checkNotSilenced(author.id());
		if (links > properties.newMember().maxLinks() && isNew(author.id())) {
			throw new RuleViolationException("new-member-links",
					"New members may show at most " + properties.newMember().maxLinks() + " links or images in a post",
					properties.newMember().maxLinks(), properties.newMember().firstPosts(),
					properties.newMember().firstDays());
		}
	}

	/** Refuses anything a silenced member would post. */
	public void checkNotSilenced(MemberId member) {
		Optional<Instant> until = offences.silencedUntil(member);
		if (until.isPresent()) {
			throw new SilencedException(until.get());
		}
	}

	/** Until when the member is silenced, if they are. */
	public Optional<Instant> silencedUntil(MemberId member) {
		return offences.silencedUntil(member);
	}

	/** New while few posts or few days in, unless their reputation already says otherwise. */
	boolean isNew(MemberId member) {
		var rules = properties.newMember();
		boolean early = offences.posts(member) < rules.firstPosts() || members.profile(member)
			.joinedAt()
			.isAfter(clock.instant().minus(Duration.ofDays(rules.firstDays())));
		return early && reputation.of(member) < rules.untilReputation();
	}

	private void checkBurst(MemberId member) {
		Duration window = properties.burst().window();
		long slot = clock.millis() / window.toMillis();
		String key = "trust:burst:" + member.value() + ":" + slot;
		Long count = counted(() -> {
			Long n = redis.opsForValue().increment(key);
			if (n != null && n == 1) {
				redis.expire(key, window.multipliedBy(2));
			}
			return n;
		});
		if (count != null && count > properties.burst().posts()) {
			offences.record(member, "posting-burst");
			throw new RuleViolationException("posting-burst", "Too many posts at once: at most "
					+ properties.burst().posts() + " within " + window.toSeconds() + " seconds",
					properties.burst().posts(), window.toSeconds());
		}
		undoOnRollback(() -> redis.opsForValue().decrement(key));
	}

	private void checkDuplicate(MemberId member, String text) {
		if (properties.duplicateWindow().isZero()) {
			return;
		}
		String key = "trust:same:" + member.value() + ":" + fingerprint(text);
		Boolean first = counted(() -> redis.opsForValue().setIfAbsent(key, "1", properties.duplicateWindow()));
		if (Boolean.FALSE.equals(first)) {
			offences.record(member, "duplicate-post");
			throw new RuleViolationException("duplicate-post",
					"You posted the same text a moment ago; it is not posted again",
					properties.duplicateWindow().toMinutes());
		}
		if (first != null) {
			undoOnRollback(() -> redis.delete(key));
		}
	}

	/** The same words, whatever spacing and case they come in. */
	static String fingerprint(String text) {
		String normal = text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
		return Digests.sha256Hex(normal);
	}

	/**
	 * These checks slow spammers; they are not what keeps the forum's data right. While Redis cannot
	 * count, the post goes through and the outage is logged.
	 */
	private <T> T counted(java.util.function.Supplier<T> command) {
		try {
			return command.get();
		}
		catch (DataAccessException unavailable) {
			log.warn("Posting trust checks skipped, Redis unavailable: {}", unavailable.toString());
			return null;
		}
	}

	/** A post that is not stored after all leaves no count behind. */
	private void undoOnRollback(Runnable undo) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						counted(() -> {
							undo.run();
							return null;
						});
					}
				}
			});
		}
	}
}
