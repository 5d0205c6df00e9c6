package com.forum.web.points;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Balance;
import com.forum.points.Hold;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.points.Posted;
import com.forum.points.Posting;
import com.forum.shared.RuleViolationException;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Any sequence of earning, spending, holding, capturing, releasing, reversing and replaying against the
 * real ledger on PostgreSQL keeps its invariants: each balance is the sum of its entries, held points
 * the sum of the open holds, what is available never below zero, a hold captured or released once, a
 * replayed cause posts nothing. A small model says what each step should do, and the database is
 * checked against the model and against its own entries after every step.
 *
 * <p>
 * jqwik is a JUnit Platform engine of its own and runs no Jupiter extension, so the Spring test context
 * is joined by hand: a {@link TestContextManager} prepares each property's instance, and finds the
 * application context the other integration tests cached (the same configuration), so the property runs
 * against the same running application and services.
 */
@IntegrationTest
class LedgerInvariantsPropertyTest {

	@Autowired
	Ledger ledger;

	@Autowired
	PointsHolds holds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@BeforeProperty
	void joinTheApplication() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
	}

	@Property(tries = 250)
	void anySequenceOfLedgerOperationsKeepsTheLedgerWhole(@ForAll("operations") List<Operation> operations) {
		Model model = new Model(SeededMember.many(jdbc, 2));
		for (Operation operation : operations) {
			model.apply(operation);
			model.check();
		}
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		Arbitrary<Integer> member = Arbitraries.integers().between(0, 1);
		Arbitrary<Integer> amount = Arbitraries.integers().between(1, 60);
		Arbitrary<Integer> earlier = Arbitraries.integers().between(0, 30);
		Arbitrary<Operation> operation = Arbitraries.frequencyOf(
				Tuple.of(4, Combinators.combine(member, amount).as(Earn::new)),
				Tuple.of(3, Combinators.combine(member, amount).as(Spend::new)),
				Tuple.of(3, Combinators.combine(member, amount).as(Place::new)),
				Tuple.of(2, earlier.map(Capture::new)),
				Tuple.of(2, earlier.map(Release::new)),
				Tuple.of(2, earlier.map(Reverse::new)),
				Tuple.of(2, earlier.map(Replay::new)));
		return operation.list().ofMinSize(1).ofMaxSize(40);
	}

	sealed interface Operation {
	}

	/** Earns points under a new cause. */
	record Earn(int member, int amount) implements Operation {
	}

	/** Spends points directly, a negative posting under a new cause. */
	record Spend(int member, int amount) implements Operation {
	}

	/** Places a hold. */
	record Place(int member, int amount) implements Operation {
	}

	/** Captures the n-th hold placed so far (modulo their number). */
	record Capture(int hold) implements Operation {
	}

	/** Releases the n-th hold placed so far. */
	record Release(int hold) implements Operation {
	}

	/** Reverses the n-th cause posted so far. */
	record Reverse(int cause) implements Operation {
	}

	/** Posts the n-th cause posted so far again, as a redelivered event or a double click would. */
	record Replay(int cause) implements Operation {
	}

	/** What the ledger should hold, kept step by step beside it. */
	private final class Model {

		private final List<MemberId> members;

		private final long[] balance = new long[2];

		private final long[] held = new long[2];

		private final List<Cause> causes = new ArrayList<>();

		private final List<PlacedHold> placed = new ArrayList<>();

		private final String run = UUID.randomUUID().toString();

		Model(List<MemberId> members) {
			this.members = members;
		}

		void apply(Operation operation) {
			switch (operation) {
				case Earn(int m, int amount) -> {
					Posting posting = posting(m, amount);
					assertThat(post(posting).amount()).isEqualTo(amount);
					balance[m] += amount;
					causes.add(new Cause(posting));
				}
				case Spend(int m, int amount) -> {
					Posting posting = posting(m, -amount);
					if (available(m) >= amount) {
						assertThat(post(posting).amount()).isEqualTo(-amount);
						balance[m] -= amount;
						causes.add(new Cause(posting));
					}
					else {
						assertThatThrownBy(() -> post(posting)).isInstanceOf(RuleViolationException.class)
							.hasMessageContaining("Not enough points");
					}
				}
				case Place(int m, int amount) -> {
					String cause = run + ":hold:" + placed.size();
					if (available(m) >= amount) {
						Hold hold = holds.place(members.get(m), amount, "test", cause, null);
						assertThat(hold.state()).isEqualTo(Hold.State.HELD);
						held[m] += amount;
						placed.add(new PlacedHold(hold.id(), m, amount));
					}
					else {
						assertThatThrownBy(() -> holds.place(members.get(m), amount, "test", cause, null))
							.isInstanceOf(RuleViolationException.class);
					}
				}
				case Capture(int n) when !placed.isEmpty() -> {
					PlacedHold hold = placed.get(n % placed.size());
					if (hold.state == Hold.State.RELEASED) {
						assertThatThrownBy(() -> holds.capture(hold.id)).isInstanceOf(RuleViolationException.class);
					}
					else {
						assertThat(holds.capture(hold.id).state()).isEqualTo(Hold.State.CAPTURED);
						if (hold.state == Hold.State.HELD) {
							balance[hold.member] -= hold.amount;
							held[hold.member] -= hold.amount;
							hold.state = Hold.State.CAPTURED;
						}
					}
				}
				case Release(int n) when !placed.isEmpty() -> {
					PlacedHold hold = placed.get(n % placed.size());
					assertThat(holds.release(hold.id).state()).isEqualTo(
							hold.state == Hold.State.CAPTURED ? Hold.State.CAPTURED : Hold.State.RELEASED);
					if (hold.state == Hold.State.HELD) {
						held[hold.member] -= hold.amount;
						hold.state = Hold.State.RELEASED;
					}
				}
				case Reverse(int n) when !causes.isEmpty() -> {
					Cause cause = causes.get(n % causes.size());
					int m = members.indexOf(cause.posting.member());
					Posted reversal = tx.execute(s -> ledger.reverse(cause.posting.member(), Account.POINTS,
							cause.posting.causeKey(), "property test"));
					if (cause.reversed) {
						assertThat(reversal.isNew()).as("a cause is reversed once").isFalse();
					}
					else {
						// what was earned and already spent stays spent: the reversal takes what is available
						long expected = cause.posting.amount() > 0
								? -Math.min(cause.posting.amount(), Math.max(0, available(m)))
								: -cause.posting.amount();
						assertThat(reversal.amount()).isEqualTo(expected);
						balance[m] += expected;
						cause.reversed = true;
					}
				}
				case Replay(int n) when !causes.isEmpty() -> {
					Cause cause = causes.get(n % causes.size());
					long entries = entries();
					assertThat(post(cause.posting).isNew()).as("a replayed cause posts nothing").isFalse();
					assertThat(entries()).isEqualTo(entries);
				}
				default -> {
					// capturing, releasing, reversing or replaying before anything exists to act on
				}
			}
		}

		void check() {
			for (int m = 0; m < members.size(); m++) {
				MemberId member = members.get(m);
				Balance stored = ledger.balance(member, Account.POINTS);
				assertThat(stored.balance()).as("balance of member %d against the model", m).isEqualTo(balance[m]);
				assertThat(stored.held()).as("held of member %d against the model", m).isEqualTo(held[m]);
				assertThat(stored.available()).as("available").isNotNegative();
				assertThat(stored.balance()).as("balance = sum of entries").isEqualTo(jdbc.queryForObject(
						"select coalesce(sum(amount), 0) from ledger_entry where member_id = ? and account = 'POINTS'",
						Long.class, member.value()));
				assertThat(stored.held()).as("held = sum of open holds").isEqualTo(jdbc.queryForObject(
						"select coalesce(sum(amount), 0) from points_hold where member_id = ? and state = 'HELD'",
						Long.class, member.value()));
			}
			for (PlacedHold hold : placed) {
				assertThat(holds.get(hold.id).state()).isEqualTo(hold.state);
				assertThat(jdbc.queryForObject("""
						select count(*) from ledger_entry e join points_hold h on e.cause_key = 'capture:' || h.cause_key
						where h.id = ?""", Long.class, hold.id))
					.as("capture entries of a hold")
					.isEqualTo(hold.state == Hold.State.CAPTURED ? 1L : 0L);
			}
		}

		private long available(int m) {
			return balance[m] - held[m];
		}

		private Posting posting(int m, int amount) {
			return Posting.of(members.get(m), Account.POINTS, amount, amount > 0 ? "test-earn" : "test-spend",
					run + ":cause:" + causes.size() + ":" + UUID.randomUUID());
		}

		private Posted post(Posting posting) {
			return tx.execute(s -> ledger.post(posting));
		}

		private long entries() {
			return jdbc.queryForObject("select count(*) from ledger_entry where member_id = any(?)", Long.class,
					(Object) members.stream().map(MemberId::value).toArray(Long[]::new));
		}
	}

	private static final class Cause {

		final Posting posting;

		boolean reversed;

		Cause(Posting posting) {
			this.posting = posting;
		}
	}

	private static final class PlacedHold {

		final long id;

		final int member;

		final int amount;

		Hold.State state = Hold.State.HELD;

		PlacedHold(long id, int member, int amount) {
			this.id = id;
			this.member = member;
			this.amount = amount;
		}
	}
}
