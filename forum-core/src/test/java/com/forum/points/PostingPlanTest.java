package com.forum.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.member.MemberId;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingPlanTest {

	private static final MemberId FAN = new MemberId(7);

	private static final MemberId OTHER = new MemberId(8);

	/** 17:00 on the 1st in UTC is already the 2nd in Shanghai. */
	private static final Instant NOW = Instant.parse("2026-03-01T17:00:00Z");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Posting.DailyCap LIKES_CAP = new Posting.DailyCap(10, Set.of("like-received"));

	private final Map<PostingPlan.Key, PostingPlan.Locked> locked = new HashMap<>(Map.of(
			new PostingPlan.Key(FAN.value(), Account.POINTS), locked(50, 0),
			new PostingPlan.Key(FAN.value(), Account.REPUTATION), locked(0, 0),
			new PostingPlan.Key(OTHER.value(), Account.POINTS), locked(5, 0)));

	@Test
	void aCappedEarningTakesWhatTheDayLeavesAfterTheEarlierPostingsOfTheSameBatch() {
		Map<PostingPlan.Earned, Long> earned = Map.of(
				new PostingPlan.Earned(FAN.value(), Account.POINTS, LocalDate.of(2026, 3, 2), "like-received"), 6L);
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(), Set.of(), earned);

		List<PostingPlan.Decision> decisions = plan.decide(List.of(like("a", 2), like("b", 2), like("c", 2), like("d", 2)));

		assertThat(decisions).extracting(PostingPlan.Decision::amount).containsExactly(2, 2, 0, 0);
		assertThat(decisions).extracting(PostingPlan.Decision::day).containsOnly(LocalDate.of(2026, 3, 2));
	}

	@Test
	void aCausePostedBeforeReversedOrRepeatedInTheBatchPostsNothing() {
		PostingPlan plan = new PostingPlan(NOW, locked,
				Set.of(PostingPlan.causeOf(Account.POINTS, "like:posted"),
						PostingPlan.causeOf(Account.POINTS, Ledger.REVERSAL_KEY + "like:reversed")),
				Set.of("reply:gone"), Map.of());

		List<PostingPlan.Decision> decisions = plan.decide(List.of(like("posted", 2), like("reversed", 2),
				like("fresh", 2), like("fresh", 2), like("deleted", 2).about("reply:gone", "topic:1"),
				like("in-deleted-thread", 2).about("reply:5", "reply:gone")));

		assertThat(decisions).extracting(decision -> decision.posting().causeKey()).containsExactly("like:fresh");
		assertThat(decisions).extracting(PostingPlan.Decision::index).containsExactly(2);
	}

	@Test
	void theSameCauseInTheOtherAccountIsAPostingOfItsOwn() {
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(), Set.of(), Map.of());

		List<PostingPlan.Decision> decisions = plan.decide(List.of(like("a", 2),
				Posting.of(FAN, Account.REPUTATION, 10, "like-received", "like:a")));

		assertThat(decisions).extracting(PostingPlan.Decision::amount).containsExactly(2, 10);
	}

	@Test
	void aSpendingIsRefusedWhenTheEarlierPostingsOfTheBatchLeaveTooLittle() {
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(), Set.of(), Map.of());

		assertThat(plan.decide(List.of(spend(FAN, "first", 30), spend(OTHER, "small", 5)))).hasSize(2);
		assertThatThrownBy(() -> plan.decide(List.of(spend(FAN, "first", 30), spend(FAN, "second", 30))))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("needs 30 and 20 are available");
	}

	@Test
	void pointsHeldAreNotAvailableToSpend() {
		locked.put(new PostingPlan.Key(FAN.value(), Account.POINTS), locked(50, 40));
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(), Set.of(), Map.of());

		assertThatThrownBy(() -> plan.decide(List.of(spend(FAN, "gift", 11))))
			.isInstanceOf(RuleViolationException.class);
		assertThat(plan.decide(List.of(spend(FAN, "gift", 10)))).hasSize(1);
	}

	@Test
	void aSpendingPostedBeforeIsNotRefusedAgainButPostsNothing() {
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(PostingPlan.causeOf(Account.POINTS, "spend:big")),
				Set.of(), Map.of());

		assertThat(plan.decide(List.of(spend(FAN, "big", 1_000)))).isEmpty();
	}

	@Test
	void reputationMayFallBelowZero() {
		PostingPlan plan = new PostingPlan(NOW, locked, Set.of(), Set.of(), Map.of());

		assertThat(plan.decide(List.of(Posting.of(FAN, Account.REPUTATION, -100, "penalty", "penalty:1"))))
			.extracting(PostingPlan.Decision::amount)
			.containsExactly(-100);
	}

	private static Posting like(String cause, int amount) {
		return Posting.of(FAN, Account.POINTS, amount, "like-received", "like:" + cause).capped(LIKES_CAP);
	}

	private static Posting spend(MemberId member, String cause, int amount) {
		return Posting.of(member, Account.POINTS, -amount, "shop", "spend:" + cause);
	}

	private static PostingPlan.Locked locked(long balance, long held) {
		return new PostingPlan.Locked(new Balance(balance, held), SHANGHAI);
	}
}
