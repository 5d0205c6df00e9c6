package com.forum.trust.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.forum.member.MemberId;
import com.forum.trust.MemberSilenced;
import com.forum.trust.TrustProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members' posts counted, their offences recorded and their silences decided. An offence is written
 * in a transaction of its own, as the post it refuses rolls back; the member's row is locked while
 * counting, so concurrent offences silence once. Offences from before the latest silence began do not
 * count again, so each silence needs fresh offences, and each lasts longer than the one before.
 */
@Component
public class Offences {

	private final JdbcTemplate jdbc;

	private final TrustProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	public Offences(JdbcTemplate jdbc, TrustProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** One more post by the member, in the transaction that stores it. */
	public void countPost(MemberId member) {
		jdbc.update("""
				insert into member_trust (member_id, posts) values (?, 1)
				on conflict (member_id) do update set posts = member_trust.posts + 1""", member.value());
	}

	public long posts(MemberId member) {
		return jdbc.query("select posts from member_trust where member_id = ?",
				rs -> rs.next() ? rs.getLong(1) : 0L, member.value());
	}

	public Optional<Instant> silencedUntil(MemberId member) {
		Timestamp until = jdbc.queryForObject(
				"select max(ends_at) from member_silence where member_id = ? and ends_at > ?", Timestamp.class,
				member.value(), Timestamp.from(clock.instant()));
		return Optional.ofNullable(until).map(Timestamp::toInstant);
	}

	/**
	 * Records an offence and silences the member if it is one too many. Inside a transaction (the post
	 * being refused, which rolls back), the offence is written once that transaction has ended: the
	 * member's row it locks may already be locked by that very transaction, when it stored an earlier
	 * post of the same member (the demo data does), and waiting for it from a transaction of its own
	 * would wait forever.
	 */
	public void record(MemberId member, String kind) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			write(member, kind);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				write(member, kind);
			}
		});
	}

	private void write(MemberId member, String kind) {
		ownTransaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			jdbc.update("insert into member_trust (member_id, posts) values (?, 0) on conflict (member_id) do nothing",
					member.value());
			jdbc.queryForObject("select member_id from member_trust where member_id = ? for update", Long.class,
					member.value());
			jdbc.update("insert into member_offence (member_id, kind, at) values (?, ?, ?)", member.value(), kind,
					Timestamp.from(now));
			if (silencedUntil(member).isPresent()) {
				return;
			}
			Instant since = now.minus(properties.offences().window());
			Timestamp lastSilence = jdbc.queryForObject(
					"select max(starts_at) from member_silence where member_id = ?", Timestamp.class, member.value());
			if (lastSilence != null && lastSilence.toInstant().isAfter(since)) {
				since = lastSilence.toInstant();
			}
			Integer recent = jdbc.queryForObject(
					"select count(*) from member_offence where member_id = ? and at > ?", Integer.class,
					member.value(), Timestamp.from(since));
			if (recent == null || recent < properties.offences().count()) {
				return;
			}
			Integer before = jdbc.queryForObject("select count(*) from member_silence where member_id = ?",
					Integer.class, member.value());
			int nth = (before == null ? 0 : before) + 1;
			int days = properties.silenceDays(nth);
			Instant until = now.plus(Duration.ofDays(days));
			Long id = jdbc.queryForObject("""
					insert into member_silence (member_id, nth, reason, starts_at, ends_at)
					values (?, ?, ?, ?, ?) returning id""", Long.class, member.value(), nth, kind, Timestamp.from(now),
					Timestamp.from(until));
			events.publishEvent(new MemberSilenced(id, member, kind, nth, days, now, until));
		});
	}
}
