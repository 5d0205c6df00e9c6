package com.forum.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.forum.board.BoardCatalog;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.StatusChange;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vote counts against real PostgreSQL under real concurrency. */
@IntegrationTest
class PetitionVotingIntegrationTest {

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionVoting voting;

	@Autowired
	PetitionTriage triage;

	@Autowired
	BoardCatalog boards;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void tenThousandMembersVotingAtOnceGiveExactlyTenThousandVotes() throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, 10_000);
		Actor author = new Actor(members.get(0), Role.MEMBER);
		PetitionId petition = submission.submit(author, new PetitionDraft(boards.get("hyperos").id(),
				"Always-on display with a custom photo", "Let me pick a photo.", null, null, Set.of()));

		CountDownLatch start = new CountDownLatch(1);
		long began;
		List<Future<?>> votes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
			for (MemberId member : members) {
				votes.add(pool.submit(() -> {
					start.await();
					return voting.vote(new Actor(member, Role.MEMBER), petition,
							member.value() % 3 == 0 ? "Xiaomi 17" : null);
				}));
			}
			began = System.nanoTime();
			start.countDown();
			for (Future<?> vote : votes) {
				vote.get();
			}
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		System.out.printf("10,000 concurrent votes in %d ms (%.0f votes/s)%n", millis, 10_000_000.0 / millis);

		assertThat(voting.count(petition)).isEqualTo(10_000);
		assertThat(jdbc.queryForObject("select count(*) from petition_vote where petition_id = ?", Long.class,
				petition.value())).isEqualTo(10_000);
		assertThat(voting.affectedDevices(petition)).singleElement()
			.satisfies(device -> assertThat(device.deviceModel()).isEqualTo("Xiaomi 17"));
		assertThat(voting.audit()).isEmpty();
	}

	@Test
	void voteAndUnvoteStormsNeverDrift() throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, 300);
		PetitionId petition = submission.submit(new Actor(members.get(0), Role.MEMBER), new PetitionDraft(
				boards.get("hyperos").id(), "Per-app volume control", "Different volume per app.", null, null,
				Set.of("audio")));

		try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
			List<Future<?>> storm = new ArrayList<>();
			for (MemberId member : members) {
				for (int i = 0; i < 2; i++) {
					storm.add(pool.submit(() -> {
						Actor actor = new Actor(member, Role.MEMBER);
						for (int round = 0; round < 10; round++) {
							if (ThreadLocalRandom.current().nextBoolean()) {
								voting.vote(actor, petition, null);
							}
							else {
								voting.unvote(actor, petition);
							}
						}
						return null;
					}));
				}
			}
			for (Future<?> task : storm) {
				task.get();
			}
		}

		long facts = jdbc.queryForObject("select count(*) from petition_vote where petition_id = ?", Long.class,
				petition.value());
		assertThat(voting.count(petition)).isEqualTo(facts);
		assertThat(voting.audit()).isEmpty();
	}

	/**
	 * Members keep voting on a petition while an employee merges it into another: the merge must
	 * take every vote committed before it, and every vote after it must be refused, so no vote is
	 * stranded on the duplicate and nobody counts twice on the original.
	 */
	@Test
	void votesCastWhileTheirPetitionIsMergedAllEndUpOnTheOriginalOnce() throws Exception {
		int rounds = 5;
		List<MemberId> members = SeededMember.many(jdbc, 300);
		List<MemberId> voters = members.subList(2, members.size());
		Actor employee = employee();
		int accepted = 0;
		int refused = 0;
		int stranded = 0;
		int leftOnDuplicate = 0;
		int wrongOnOriginal = 0;
		int countedAmiss = 0;
		for (int round = 0; round < rounds; round++) {
			PetitionId original = submit(members.get(0), "Merge round " + round + ": one-handed mode");
			PetitionId duplicate = submit(members.get(1), "Merge round " + round + ": small screen mode");
			Set<MemberId> backedOriginal = new HashSet<>(Set.of(members.get(0)));
			for (MemberId member : voters) {
				if (member.value() % 2 == 0) {
					voting.vote(new Actor(member, Role.MEMBER), original, null);
					backedOriginal.add(member);
				}
			}

			Set<MemberId> acceptedOnDuplicate = ConcurrentHashMap.newKeySet();
			acceptedOnDuplicate.add(members.get(1));
			Set<MemberId> refusedOnDuplicate = ConcurrentHashMap.newKeySet();
			CountDownLatch aThirdVoted = new CountDownLatch(voters.size() / 3);
			try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
				Future<?> merge = pool.submit(() -> {
					aThirdVoted.await();
					triage.changeStatus(employee, duplicate,
							new StatusChange(PetitionStatus.DUPLICATE, "Same ask", null, original));
					return null;
				});
				List<Future<?>> votes = new ArrayList<>();
				for (MemberId member : voters) {
					votes.add(pool.submit(() -> {
						try {
							voting.vote(new Actor(member, Role.MEMBER), duplicate, null);
							acceptedOnDuplicate.add(member);
						}
						catch (RuleViolationException ex) {
							assertThat(ex.code()).isEqualTo("petition-merged");
							refusedOnDuplicate.add(member);
						}
						finally {
							aThirdVoted.countDown();
						}
						return null;
					}));
				}
				for (Future<?> vote : votes) {
					vote.get();
				}
				merge.get();
			}

			Set<MemberId> onOriginal = voters(original);
			Set<MemberId> expected = new HashSet<>(backedOriginal);
			expected.addAll(acceptedOnDuplicate);
			accepted += acceptedOnDuplicate.size();
			refused += refusedOnDuplicate.size();
			stranded += (int) acceptedOnDuplicate.stream().filter(m -> !onOriginal.contains(m)).count();
			leftOnDuplicate += voters(duplicate).size();
			wrongOnOriginal += (int) onOriginal.stream().filter(m -> !expected.contains(m)).count()
					+ (int) expected.stream().filter(m -> !onOriginal.contains(m)).count();
			countedAmiss += (int) Math.abs(voting.count(original) - onOriginal.size());
			assertThatThrownBy(() -> voting.vote(new Actor(voters.get(0), Role.MEMBER), duplicate, null))
				.isInstanceOf(RuleViolationException.class)
				.hasMessageContaining("merged");
		}
		System.out.printf("merge race over %d rounds: %d votes accepted on the duplicate, %d refused after the merge; "
				+ "%d stranded on the duplicate only, %d left on the duplicate, %d wrong on the original, "
				+ "%d counted amiss on the original%n", rounds, accepted, refused, stranded, leftOnDuplicate,
				wrongOnOriginal, countedAmiss);

		assertThat(refused).as("votes that came after the merge").isPositive();
		assertThat(stranded).as("accepted votes that never reached the original").isZero();
		assertThat(leftOnDuplicate).as("votes left on the duplicate").isZero();
		assertThat(wrongOnOriginal).as("members missing from or wrongly on the original").isZero();
		assertThat(countedAmiss).as("difference between the original's count and its vote facts").isZero();
		assertThat(voting.audit()).isEmpty();
	}


	private PetitionId submit(MemberId author, String title) {
		return submission.submit(new Actor(author, Role.MEMBER), new PetitionDraft(boards.get("hyperos").id(), title,
				"Same idea, other words.", null, null, Set.of()));
	}

	private Set<MemberId> voters(PetitionId petition) {
		return new HashSet<>(jdbc.queryForList("select member_id from petition_vote where petition_id = ?", Long.class,
				petition.value()).stream().map(MemberId::new).toList());
	}

	private Actor employee() {
		String name = "e" + System.nanoTime() % 1_000_000_000;
		long id = jdbc.queryForObject("""
				insert into member (username, email, password_hash, role, created_at)
				values (?, ? || '@staff.example', 'not-a-login', 'EMPLOYEE', now()) returning id""", Long.class, name,
				name);
		return new Actor(new MemberId(id), Role.EMPLOYEE);
	}
}
