package com.forum.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;

/**
 * A launch and its rules: who may reserve from when, how many slots are left, which changes staff may
 * make in which state. The services keep these rules by asking the launch, never by testing fields.
 *
 * @param taken active reservations (pending and confirmed), never more than the slots
 * @param windows the priority windows, highest level first
 */
public record Launch(long id, String product, int slots, int taken, Instant opensAt, List<PriorityWindow> windows,
		Integer pointsPrice, Duration validity, LaunchState state, Instant createdAt) {

	public static final int MAX_PRODUCT = 120;

	public Launch {
		windows = windows.stream().sorted(Comparator.comparingInt(PriorityWindow::minLevel).reversed()).toList();
	}

	public int slotsLeft() {
		return Math.max(0, slots - taken);
	}

	/** The window a member of this level reserves in: the earliest that admits them, or null for the general opening. */
	public PriorityWindow windowFor(int level) {
		PriorityWindow best = null;
		for (PriorityWindow window : windows) {
			if (level >= window.minLevel() && (best == null || window.opensBefore().compareTo(best.opensBefore()) > 0)) {
				best = window;
			}
		}
		return best;
	}

	/** When a member of this level may first reserve. */
	public Instant windowStartFor(int level) {
		PriorityWindow window = windowFor(level);
		return window == null ? opensAt : window.startsAt(opensAt);
	}

	/** The first moment anyone may reserve. */
	public Instant firstWindowStart() {
		return windows.stream().map(w -> w.startsAt(opensAt)).min(Comparator.naturalOrder()).orElse(opensAt);
	}

	/** Whether members see it (staff see drafts too). */
	public boolean published() {
		return state != LaunchState.DRAFT;
	}

	/** Checks a change of state staff asked for, and returns the new state. */
	public LaunchState change(LaunchAction action) {
		LaunchState next = switch (action) {
			case OPEN -> state == LaunchState.DRAFT ? LaunchState.OPEN : null;
			case PAUSE -> state == LaunchState.OPEN ? LaunchState.PAUSED : null;
			case RESUME -> state == LaunchState.PAUSED ? LaunchState.OPEN : null;
			case CLOSE -> state == LaunchState.CLOSED ? null : LaunchState.CLOSED;
		};
		if (next == null) {
			throw new RuleViolationException("launch-state",
					"A %s launch cannot be %s.".formatted(state.name().toLowerCase(), action.pastTense()),
					state.name().toLowerCase(), action.pastTense());
		}
		return next;
	}

	/** Staff edit a launch until its first window opens, and never below what is taken. */
	public void checkEditable(Instant now, int newSlots) {
		if (state == LaunchState.CLOSED || !now.isBefore(firstWindowStart()) && state != LaunchState.DRAFT) {
			throw new RuleViolationException("launch-started",
					"This launch has opened to members and can no longer be edited.");
		}
		if (newSlots < taken) {
			throw new InvalidInputException("slots", "slots-below-taken", "must be at least the %d slots taken"
				.formatted(taken), taken);
		}
	}

	/**
	 * Checks what staff wrote: a product name, slots within bounds, an opening in the future, windows of
	 * distinct levels each opening before the general opening and after now, and within bounds.
	 */
	public static void check(LaunchDraft draft, Instant now, LaunchProperties limits) {
		if (draft.product() == null || draft.product().isBlank()) {
			throw new InvalidInputException("product", "blank", "must not be blank");
		}
		if (draft.product().strip().length() > MAX_PRODUCT) {
			throw new InvalidInputException("product", "too-long", "must be at most %d characters".formatted(MAX_PRODUCT),
					MAX_PRODUCT);
		}
		if (draft.slots() == null || draft.slots() < 1 || draft.slots() > limits.maxSlots()) {
			throw new InvalidInputException("slots", "range", "must be between 1 and %d".formatted(limits.maxSlots()), 1,
					limits.maxSlots());
		}
		if (draft.opensAt() == null || !draft.opensAt().isAfter(now)) {
			throw new InvalidInputException("opensAt", "future", "must be in the future");
		}
		if (draft.pointsPrice() != null && (draft.pointsPrice() < 1 || draft.pointsPrice() > limits.maxPrice())) {
			throw new InvalidInputException("pointsPrice", "range", "must be between 1 and %d".formatted(limits.maxPrice()),
					1, limits.maxPrice());
		}
		if (draft.validity() != null && (draft.validity().compareTo(limits.minValidity()) < 0
				|| draft.validity().compareTo(limits.maxValidity()) > 0)) {
			throw new InvalidInputException("validity", "duration-range", "must be between %s and %s"
				.formatted(limits.minValidity(), limits.maxValidity()), limits.minValidity().toString(),
					limits.maxValidity().toString());
		}
		if (draft.windows().size() > limits.maxWindows()) {
			throw new InvalidInputException("windows", "too-many", "must be at most %d".formatted(limits.maxWindows()),
					limits.maxWindows());
		}
		Set<Integer> levels = new HashSet<>();
		for (PriorityWindow window : draft.windows()) {
			if (window == null || window.minLevel() < 1 || window.minLevel() > limits.maxLevel()) {
				throw new InvalidInputException("windows", "window-level",
						"each window needs a level between 1 and %d".formatted(limits.maxLevel()), limits.maxLevel());
			}
			if (!levels.add(window.minLevel())) {
				throw new InvalidInputException("windows", "window-levels-distinct", "must name each level once");
			}
			if (window.opensBefore() == null || window.opensBefore().isNegative() || window.opensBefore().isZero()
					|| window.opensBefore().compareTo(limits.maxWindowLead()) > 0) {
				throw new InvalidInputException("windows", "window-lead",
						"each window opens between a second and %s before the opening".formatted(limits.maxWindowLead()),
						limits.maxWindowLead().toString());
			}
			if (!window.startsAt(draft.opensAt()).isAfter(now)) {
				throw new InvalidInputException("windows", "window-past", "each window must open in the future");
			}
		}
	}
}
