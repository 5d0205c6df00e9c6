package com.forum.reputation;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reputation ladder, set in {@code config/community.yml}.
 *
 * @param levels the reputation each level starts at, from Lv1 upwards; Lv1 starts at the first one
 */
@Validated
@ConfigurationProperties("forum.reputation")
public record ReputationProperties(@NotEmpty List<Long> levels) {

	/** A ladder that goes down somewhere would give one reputation two levels. */
	@AssertTrue(message = "levels must rise strictly")
	boolean isLevelsRising() {
		for (int i = 1; i < levels.size(); i++) {
			if (levels.get(i) <= levels.get(i - 1)) {
				return false;
			}
		}
		return true;
	}
}
