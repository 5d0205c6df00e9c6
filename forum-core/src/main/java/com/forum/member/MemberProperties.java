package com.forum.member;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rules for accounts.
 *
 * @param tokenTtl how long a bearer token issued to a program stays valid (short, as a token outlives the
 *        password it was exchanged for unless revoked)
 * @param tokenCacheTtl how long a node keeps a resolved bearer token in memory instead of asking
 *        PostgreSQL on every request (0 turns the cache off). A revocation takes effect at once on the node
 *        that revoked; other nodes may accept the token for up to this long (until issue 13's cluster-wide
 *        invalidation)
 * @param tokenLastUseFlush how often a node writes when its tokens were last used (batched, off the requests'
 *        path); a node that dies loses at most this much of it
 * @param minPasswordLength shortest password accepted
 * @param maxPasswordLength longest password accepted (bounds the hashing cost of one request)
 * @param minPasswordScore the least zxcvbn score (0 to 4) a new password must reach: 3 refuses common
 *        passwords, words, names, dates and keyboard patterns alike
 * @param reservedUsernames names nobody may register, compared folded: the words the addresses of members
 *        use for something else ({@code /api/v1/members/me}, {@code .../suggestions}) and names that would
 *        pass for the forum speaking
 * @param passwordHashing the cost of hashing a password with Argon2id
 */
@Validated
@ConfigurationProperties("forum.members")
public record MemberProperties(@DefaultValue("7d") @NotNull @DurationMin(minutes = 1) Duration tokenTtl,
		@DefaultValue("5s") @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 1) Duration tokenCacheTtl,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration tokenLastUseFlush,
		@DefaultValue("8") @Positive int minPasswordLength,
		@DefaultValue("128") @Positive @Max(4096) int maxPasswordLength,
		@DefaultValue("3") @Min(0) @Max(4) int minPasswordScore,
		@DefaultValue({ "me", "self", "suggestions", "settings", "new", "search", "api", "system", "anonymous", "all",
				"here", "everyone" }) @NotNull List<String> reservedUsernames,
		@DefaultValue @NotNull @Valid PasswordHashing passwordHashing) {

	/**
	 * Argon2id's cost, OWASP's first recommended set by default: 19 MiB of memory and two passes, one lane.
	 * A stored hash carries the cost it was made with, so a change applies to passwords set from then on
	 * and every stored one still verifies. The tests keep it too: they prove that a sign-in takes as long
	 * for an unknown name as for a wrong password, which holds only while the hash dominates.
	 *
	 * @param memoryKib memory of one hash, in KiB (Argon2 needs at least 8)
	 * @param iterations passes over that memory
	 */
	public record PasswordHashing(@DefaultValue("19456") @Min(8) int memoryKib,
			@DefaultValue("2") @Min(1) @Max(10) int iterations) {
	}

	/** A range no password fits would lock everyone out of registering. */
	@AssertTrue(message = "must not be longer than max-password-length")
	boolean isMinPasswordLengthWithinMax() {
		return minPasswordLength <= maxPasswordLength;
	}
}
