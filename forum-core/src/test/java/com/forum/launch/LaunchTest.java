package com.forum.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a launch keeps by itself: windows by level, changes of state, what staff may write. */
class LaunchTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private static final Instant OPENING = NOW.plus(Duration.ofDays(3));

	private static final LaunchProperties LIMITS = new LaunchProperties(Duration.ofHours(48), Duration.ofMinutes(5),
			Duration.ofDays(30), 3, Duration.ofDays(30), 10, 1000, 5000, 16, 20, Duration.ofHours(2),
			Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2),
			Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(1), 1000);

	private static final List<PriorityWindow> WINDOWS = List.of(new PriorityWindow(4, Duration.ofHours(24)),
			new PriorityWindow(7, Duration.ofHours(48)));

	@Test
	void theHighestLevelsReserveFirstAndEveryoneAtTheOpening() {
		Launch launch = launch(LaunchState.OPEN, 0);

		assertThat(launch.windowStartFor(9)).isEqualTo(OPENING.minus(Duration.ofHours(48)));
		assertThat(launch.windowStartFor(7)).isEqualTo(OPENING.minus(Duration.ofHours(48)));
		assertThat(launch.windowStartFor(5)).isEqualTo(OPENING.minus(Duration.ofHours(24)));
		assertThat(launch.windowStartFor(3)).isEqualTo(OPENING);
		assertThat(launch.windowFor(3)).isNull();
		assertThat(launch.windowFor(8).minLevel()).isEqualTo(7);
		assertThat(launch.firstWindowStart()).isEqualTo(OPENING.minus(Duration.ofHours(48)));
		assertThat(launch.windows()).extracting(PriorityWindow::minLevel).as("highest first").containsExactly(7, 4);
	}

	@Test
	void slotsLeftAreTheSlotsNotTaken() {
		assertThat(launch(LaunchState.OPEN, 3).slotsLeft()).isEqualTo(7);
		assertThat(launch(LaunchState.OPEN, 10).slotsLeft()).isZero();
	}

	@Test
	void stateChangesFollowTheLifeOfALaunch() {
		assertThat(launch(LaunchState.DRAFT, 0).change(LaunchAction.OPEN)).isEqualTo(LaunchState.OPEN);
		assertThat(launch(LaunchState.OPEN, 0).change(LaunchAction.PAUSE)).isEqualTo(LaunchState.PAUSED);
		assertThat(launch(LaunchState.PAUSED, 0).change(LaunchAction.RESUME)).isEqualTo(LaunchState.OPEN);
		assertThat(launch(LaunchState.PAUSED, 0).change(LaunchAction.CLOSE)).isEqualTo(LaunchState.CLOSED);
		assertThatThrownBy(() -> launch(LaunchState.OPEN, 0).change(LaunchAction.RESUME))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.code()).isEqualTo("launch-state"));
		assertThatThrownBy(() -> launch(LaunchState.CLOSED, 0).change(LaunchAction.CLOSE))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> launch(LaunchState.CLOSED, 0).change(LaunchAction.PAUSE))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void staffEditUntilTheFirstWindowOpensAndNeverBelowWhatIsTaken() {
		Launch launch = launch(LaunchState.OPEN, 4);

		launch.checkEditable(NOW, 4);
		assertThatThrownBy(() -> launch.checkEditable(NOW, 3)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.reason()).isEqualTo("slots-below-taken"));
		assertThatThrownBy(() -> launch.checkEditable(OPENING.minus(Duration.ofHours(47)), 10))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.code()).isEqualTo("launch-started"));
	}

	@Test
	void aSoundDraftPasses() {
		Launch.check(draft(10, OPENING, WINDOWS), NOW, LIMITS);
	}

	@Test
	void whatStaffWriteWrongIsNamed() {
		assertThat(refusal(new LaunchDraft(" ", 10, OPENING, WINDOWS, null, null, false))).isEqualTo("product:blank");
		assertThat(refusal(draft(-1, OPENING, WINDOWS))).isEqualTo("slots:range");
		assertThat(refusal(draft(0, OPENING, WINDOWS))).isEqualTo("slots:range");
		assertThat(refusal(draft(1001, OPENING, WINDOWS))).isEqualTo("slots:range");
		assertThat(refusal(draft(10, NOW.minusSeconds(1), List.of()))).isEqualTo("opensAt:future");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(0, Duration.ofHours(1))))))
			.isEqualTo("windows:window-level");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(11, Duration.ofHours(1))))))
			.isEqualTo("windows:window-level");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(4, Duration.ofHours(1)),
				new PriorityWindow(4, Duration.ofHours(2)))))).isEqualTo("windows:window-levels-distinct");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(4, Duration.ofHours(-1))))))
			.isEqualTo("windows:window-lead");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(4, Duration.ofDays(4))))))
			.as("a window opening before now").isEqualTo("windows:window-past");
		assertThat(refusal(draft(10, OPENING, List.of(new PriorityWindow(2, Duration.ofHours(1)),
				new PriorityWindow(3, Duration.ofHours(1)), new PriorityWindow(4, Duration.ofHours(1)),
				new PriorityWindow(5, Duration.ofHours(1)))))).isEqualTo("windows:too-many");
		assertThat(refusal(new LaunchDraft("Phone", 10, OPENING, WINDOWS, 0, null, false))).isEqualTo("pointsPrice:range");
		assertThat(refusal(new LaunchDraft("Phone", 10, OPENING, WINDOWS, null, Duration.ofSeconds(10), false)))
			.isEqualTo("validity:duration-range");
	}

	@Test
	void codesCarryEightyRandomBitsInAFriendlyAlphabet() {
		ReservationCodes codes = new ReservationCodes(LIMITS);
		String code = codes.next();

		assertThat(code).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
		assertThat(ReservationCodes.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
		assertThat(codes.next()).isNotEqualTo(code);
		assertThat(ReservationCodes.normalize(code.toLowerCase().replace("-", " "))).isEqualTo(code);
		assertThat(ReservationCodes.normalize("O0O0")).as("letters that are never in a code").isNull();
	}

	private static String refusal(LaunchDraft draft) {
		try {
			Launch.check(draft, NOW, LIMITS);
			return "accepted";
		}
		catch (InvalidInputException ex) {
			return ex.field() + ":" + ex.reason();
		}
	}

	private static LaunchDraft draft(int slots, Instant opening, List<PriorityWindow> windows) {
		return new LaunchDraft("Xiaomi 17", slots, opening, windows, null, null, false);
	}

	private static Launch launch(LaunchState state, int taken) {
		return new Launch(1, "Xiaomi 17", 10, taken, OPENING, WINDOWS, null, Duration.ofHours(48), state, NOW);
	}
}
