package com.forum.member;

import java.util.ArrayList;
import java.util.List;

import com.forum.shared.InvalidInputException;
import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.stereotype.Component;

/**
 * What a password must be: of a length within the configured bounds and hard enough to guess by
 * zxcvbn's estimate (its dictionaries of common passwords, names and words, keyboard patterns, dates and
 * repeats), scoring at least {@code forum.members.min-password-score} of 4. The member's own name and
 * address count as words an attacker tries first.
 */
@Component
public class PasswordRules {

	/**
	 * zxcvbn's matching grows quickly with length (a repeated 128-character string takes a second);
	 * only this many characters are estimated, which is far beyond what any guessing reaches.
	 */
	private static final int ESTIMATED_LENGTH = 64;

	private final Zxcvbn estimator = new Zxcvbn();

	private final MemberProperties properties;

	PasswordRules(MemberProperties properties) {
		this.properties = properties;
	}

	/**
	 * Refuses a new password that is too short, too long or too easy to guess, naming the field it came
	 * in; the member's name and address count as the first words an attacker tries.
	 */
	public void check(String field, String password, String username, String email) {
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < properties.minPasswordLength() || length > properties.maxPasswordLength()) {
			throw new InvalidInputException(field, "length", "must be " + properties.minPasswordLength()
					+ " to " + properties.maxPasswordLength() + " characters", properties.minPasswordLength(),
					properties.maxPasswordLength());
		}
		List<String> words = new ArrayList<>();
		for (String word : new String[] { username, email }) {
			if (word != null && !word.isBlank()) {
				words.add(word);
				words.addAll(List.of(word.split("[@._-]+")));
			}
		}
		String estimated = length <= ESTIMATED_LENGTH ? password
				: password.substring(0, password.offsetByCodePoints(0, ESTIMATED_LENGTH));
		if (estimator.measure(estimated, words).getScore() < properties.minPasswordScore()) {
			throw new InvalidInputException(field, "weak-password",
					"is too easy to guess: avoid common passwords, words, names, dates, keyboard patterns and repeats");
		}
	}
}
