package com.forum.web.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.discussion.Discussions;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.notification.Notification;
import com.forum.notification.Notifications;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionVoting;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.SerialVoting;
import com.forum.points.SerialVotingCase;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Likes and votes that boost a person rather than their content are found by the serial-voting job and
 * reversed in both ledgers, down to what honest votes earned; the members involved are told why in
 * their language; a second run changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerialVotingIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Discussions discussions;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionVoting voting;

	@Autowired
	BoardCatalog boards;

	@Autowired
	Ledger ledger;

	@Autowired
	SerialVoting serialVoting;

	@Autowired
	Notifications notifications;

	BoardId board;

	@BeforeAll
	void setUp() {
		board = boards.get("hyperos").id();
	}

	@Test
	void aRingOfTenNewAccountsIsReversedWhileHonestVotesStay() {
		MemberId target = member(200);
		MemberId other = member(200);
		List<MemberId> established = members(3, 100);
		MemberId honestNewcomer = member(0);
		List<MemberId> ring = members(10, 0);
		List<TopicId> topics = topics(target, 5);
		List<TopicId> others = topics(other, 2);
		PetitionId petition = submission.submit(actor(target), new PetitionDraft(board,
				"Ring probe " + UUID.randomUUID(), "A petition the ring backs.", null, null, Set.of()));
		// five threads at 5 points each reach the 25-point daily cap
		Await.until(WAIT, () -> points(target) == 25);

		// honest: three long-standing members like three threads each (all their likes go to the target,
		// but they are not new), and a newcomer spreads three likes over two authors
		for (MemberId fan : established) {
			topics.subList(0, 3).forEach(topic -> discussions.like(actor(fan), topic, null));
		}
		discussions.like(actor(honestNewcomer), topics.get(3), null);
		others.forEach(topic -> discussions.like(actor(honestNewcomer), topic, null));
		Await.until(WAIT, () -> reputation(target) == 100 && points(target) == 25 + 10 * 2);
		long honestPoints = points(target);
		long honestReputation = reputation(target);

		// the ring: ten new accounts like four of the target's threads and back the petition
		for (MemberId booster : ring) {
			topics.subList(0, 4).forEach(topic -> discussions.like(actor(booster), topic, null));
			voting.vote(actor(booster), petition, null);
		}
		Await.until(WAIT, () -> entriesFrom(ring, target) == 10 * 5 * 2);
		assertThat(points(target)).as("the ring's likes and votes earned points").isGreaterThan(honestPoints);
		assertThat(reputation(target)).as("and reputation, up to the daily cap").isEqualTo(200);
		long honestEntries = entriesFrom(established, target);

		List<SerialVotingCase> cases = serialVoting.reverseSerialVoting();

		List<SerialVotingCase> mine = cases.stream().filter(c -> c.target().equals(target)).toList();
		assertThat(mine).hasSize(1);
		SerialVotingCase found = mine.getFirst();
		assertThat(found.pattern()).isEqualTo(SerialVotingCase.Pattern.RING);
		assertThat(found.sources()).containsExactlyInAnyOrderElementsOf(ring);
		assertThat(found.votes()).isEqualTo(50);
		assertThat(found.pointsReversed()).isEqualTo(40 * 2 + 10);
		assertThat(found.reputationReversed()).isEqualTo(100);
		assertThat(points(target)).isEqualTo(honestPoints);
		assertThat(reputation(target)).isEqualTo(honestReputation);
		assertThat(serialVoting.casesOf(target)).containsExactly(found);
		assertThat(cases).noneMatch(c -> c.sources().stream().anyMatch(s -> established.contains(s) || s.equals(honestNewcomer)));
		assertThat(reversed(established, target)).as("honest entries left alone").isZero();
		assertThat(entriesFrom(established, target)).isEqualTo(honestEntries);

		// told why, each in their own language
		Await.until(WAIT, () -> told(target) == 1 && ring.stream().allMatch(b -> told(b) == 1));
		assertThat(notice(target, Locale.ENGLISH).title()).isEqualTo(
				"Likes and votes you received were reversed: 90 points and 100 reputation taken back");
		assertThat(notice(target, Locale.SIMPLIFIED_CHINESE).body()).contains("10 个新注册账号");
		String targetName = jdbc.queryForObject("select username from member where id = ?", String.class,
				target.value());
		assertThat(notice(ring.getFirst(), Locale.ENGLISH).title())
			.isEqualTo("Your likes and votes for " + targetName + " were reversed");
		assertThat(notice(ring.getFirst(), Locale.SIMPLIFIED_CHINESE).title())
			.isEqualTo("你对 " + targetName + " 的点赞和支持已被撤销");
		assertThat(told(honestNewcomer)).isZero();
		assertThat(told(established.getFirst())).isZero();

		// a second run finds nothing new and changes nothing
		long entries = entriesOf(target);
		assertThat(serialVoting.reverseSerialVoting()).noneMatch(c -> c.target().equals(target));
		assertThat(entriesOf(target)).isEqualTo(entries);
		assertThat(points(target)).isEqualTo(honestPoints);
		assertThat(reputation(target)).isEqualTo(honestReputation);
		assertThat(serialVoting.casesOf(target)).hasSize(1);
	}

	@Test
	void oneMemberLikingMoreThanTenOfAnothersPostsIsSerialVoting() {
		MemberId author = member(300);
		MemberId fan = member(300);
		MemberId friend = member(300);
		List<TopicId> topics = topics(author, 12);
		Await.until(WAIT, () -> points(author) == 25);
		topics.subList(0, 11).forEach(topic -> discussions.like(actor(fan), topic, null));
		topics.subList(0, 2).forEach(topic -> discussions.like(actor(friend), topic, null));
		Await.until(WAIT, () -> reputation(author) == 130);

		List<SerialVotingCase> cases = serialVoting.reverseSerialVoting().stream()
			.filter(c -> c.target().equals(author))
			.toList();

		assertThat(cases).singleElement().satisfies(c -> {
			assertThat(c.pattern()).isEqualTo(SerialVotingCase.Pattern.SERIAL);
			assertThat(c.sources()).containsExactly(fan);
			assertThat(c.votes()).isEqualTo(11);
			assertThat(c.entriesReversed()).isEqualTo(22);
		});
		assertThat(reputation(author)).isEqualTo(20);
		assertThat(points(author)).isEqualTo(25 + 2 * 2);
		Await.until(WAIT, () -> told(fan) == 1 && told(author) == 1);
		assertThat(notice(fan, Locale.ENGLISH).body()).contains("liked or voted for many of")
			.contains("'s posts and petitions");
		assertThat(told(friend)).isZero();
		// the fan takes a like back afterwards: the entry was reversed once, and stays so
		discussions.unlike(actor(fan), topics.getFirst(), null);
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null and event_type like '%PostLiked'""",
				Long.class) == 0);
		assertThat(reputation(author)).isEqualTo(20);
	}

	private MemberId member(int joinedDaysAgo) {
		return members(1, joinedDaysAgo).getFirst();
	}

	private List<MemberId> members(int count, int joinedDaysAgo) {
		List<MemberId> members = SeededMember.many(jdbc, count);
		jdbc.update("update member set created_at = now() - make_interval(days => ?) where id = any(?)", joinedDaysAgo,
				members.stream().map(MemberId::value).toArray(Long[]::new));
		return members;
	}

	private List<TopicId> topics(MemberId author, int count) {
		List<TopicId> topics = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			// the probes stand for threads written over several days: a day's thread quota is
			// DailyQuotaIntegrationTest's concern, so each probe starts on a fresh day's count
			redis.delete(redis.keys("quota:" + author.value() + ":*"));
			topics.add(discussions.startTopic(actor(author), board, "Serial voting probe " + i,
					"Content to like, number " + i + "."));
		}
		return topics;
	}

	private static Actor actor(MemberId member) {
		return new Actor(member, Role.MEMBER);
	}

	private long points(MemberId member) {
		return ledger.balance(member, Account.POINTS).balance();
	}

	private long reputation(MemberId member) {
		return ledger.balance(member, Account.REPUTATION).balance();
	}

	private long entriesFrom(List<MemberId> sources, MemberId target) {
		return jdbc.queryForObject("select count(*) from ledger_entry where member_id = ? and source_member_id = any(?)",
				Long.class, target.value(), sources.stream().map(MemberId::value).toArray(Long[]::new));
	}

	private long reversed(List<MemberId> sources, MemberId target) {
		return jdbc.queryForObject("""
				select count(*) from ledger_entry r join ledger_entry e on e.id = r.reverses_id
				where e.member_id = ? and e.source_member_id = any(?)""", Long.class, target.value(),
				sources.stream().map(MemberId::value).toArray(Long[]::new));
	}

	private long entriesOf(MemberId member) {
		return jdbc.queryForObject("select count(*) from ledger_entry where member_id = ?", Long.class, member.value());
	}

	private long told(MemberId member) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = 'votes-reversed'",
				Long.class, member.value());
	}

	private Notification notice(MemberId member, Locale language) {
		Locale before = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(language);
		try {
			return notifications.list(member, false, 0, 10).getContent().getFirst();
		}
		finally {
			LocaleContextHolder.setLocale(before);
		}
	}
}
