package com.forum.reputation;

import java.util.EnumSet;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import com.forum.member.Privilege;

/**
 * The privilege ladder, set in {@code config/community.yml}.
 *
 * @param reputation the reputation each privilege needs, by its id ({@code vote-petitions: 0}); it may
 * be negative, as reputation can fall below zero after reversals and penalties
 */
@Validated
@ConfigurationProperties("forum.privileges")
public record PrivilegeProperties(@NotNull Map<Privilege, Long> reputation) {

	/** A privilege left out would be held by nobody, or silently by everybody: each must be named. */
	@AssertTrue(message = "reputation must name every privilege: vote-petitions, like-posts, post-links-images, "
			+ "flag-posts, help-triage, hide-posts, edit-others-posts, mark-duplicates, "
			+ "start-conversations")
	boolean isEveryPrivilegeNamed() {
		return reputation != null && reputation.keySet().containsAll(EnumSet.allOf(Privilege.class))
				&& reputation.values().stream().allMatch(java.util.Objects::nonNull);
	}
}
