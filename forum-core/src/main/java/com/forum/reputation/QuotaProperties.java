package com.forum.reputation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The daily quotas by level, set in {@code config/community.yml}.
 *
 * @param daily each line holds from its level until the next line's; the first starts at Lv1
 */
@Validated
@ConfigurationProperties("forum.quotas")
public record QuotaProperties(@NotEmpty List<@Valid DailyQuota> daily) {

	/** Lines out of order, or a level without one, would leave a member's quota to chance. */
	@AssertTrue(message = "daily must start at from-level 1 and rise strictly")
	boolean isDailyRising() {
		if (daily == null || daily.isEmpty() || daily.getFirst().fromLevel() != 1) {
			return false;
		}
		for (int i = 1; i < daily.size(); i++) {
			if (daily.get(i).fromLevel() <= daily.get(i - 1).fromLevel()) {
				return false;
			}
		}
		return true;
	}

	/** The quotas of a level: those of the last line that starts at or below it. */
	public DailyQuota at(int level) {
		DailyQuota quota = daily.getFirst();
		for (DailyQuota line : daily) {
			if (line.fromLevel() <= level) {
				quota = line;
			}
		}
		return quota;
	}

	/**
	 * @param fromLevel the first level these quotas hold for
	 * @param threads threads a day
	 * @param replies replies a day
	 * @param votes petition votes a day
	 * @param likes likes a day
	 * @param flags posts flagged for the moderators a day
	 */
	public record DailyQuota(@Positive int fromLevel, @PositiveOrZero int threads, @PositiveOrZero int replies,
			@PositiveOrZero int votes, @PositiveOrZero int likes, @PositiveOrZero int flags) {

		public int of(Quota quota) {
			return switch (quota) {
				case THREADS -> threads;
				case REPLIES -> replies;
				case VOTES -> votes;
				case LIKES -> likes;
				case FLAGS -> flags;
			};
		}
	}
}
