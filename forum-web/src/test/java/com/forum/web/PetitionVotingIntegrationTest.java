package com.forum.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionVoting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Vote counts against real PostgreSQL under real concurrency. */
@IntegrationTest
class PetitionVotingIntegrationTest {

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionVoting voting;

	@Autowired
	BoardCatalog boards;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void tenThousandMembersVotingAtOnceGiveExactlyTenThousandVotes() throws Exception {
		List<MemberId> members = members(10_000);
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
		List<MemberId> members = members(300);
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

	/** Members inserted directly: hashing 10,000 Argon2 passwords would only test the CPU. */
	private List<MemberId> members(int count) {
		String prefix = "v" + System.nanoTime() % 1_000_000_000;
		jdbc.update("""
				insert into member (username, email, password_hash, role, created_at)
				select ? || '-' || g, ? || '-' || g || '@votes.example', 'not-a-login', 'MEMBER', now()
				from generate_series(1, ?) g""", prefix, prefix, count);
		return jdbc.queryForList("select id from member where username like ? order by id", Long.class, prefix + "-%")
			.stream()
			.map(MemberId::new)
			.toList();
	}
}
