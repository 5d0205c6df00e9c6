package com.forum.reputation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The badges, set in {@code config/community.yml}, in the order pages show them.
 *
 * @param definitions the badges
 * @param sweepInterval how often every member is checked against every badge, which grants a badge
 * added to the configuration to those who already qualify, and one whose count was reached by an
 * entry that announced nothing (a like past the daily cap earns nothing, so posts no event)
 */
@Validated
@ConfigurationProperties("forum.badges")
public record BadgeProperties(List<@Valid @NotNull Badge> definitions,
		@DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration sweepInterval) {

	public BadgeProperties {
		definitions = definitions == null ? List.of() : List.copyOf(definitions);
	}

	@AssertTrue(message = "badge ids must be unique")
	boolean isEveryIdUnique() {
		Set<String> ids = new HashSet<>();
		return definitions.stream().allMatch(badge -> badge.id() == null || ids.add(badge.id()));
	}
}
