package com.forum.member;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs members up. */
@Service
public class MemberRegistration {

	/** Letters and digits of any script, so Chinese names work, plus a few separators. */
	public static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.-]{3,32}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Members members;

	private final PasswordEncoder passwords;

	private final MemberProperties properties;

	private final Clock clock;

	private final LanguageProperties languages;

	MemberRegistration(Members members, PasswordEncoder passwords, MemberProperties properties, Clock clock,
			LanguageProperties languages) {
		this.members = members;
		this.languages = languages;
		this.passwords = passwords;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public MemberId register(String username, String email, String password) {
		return register(username, email, password, Role.MEMBER);
	}

	/** Registers a member with a given role; for administrators and demo data. */
	@Transactional
	public MemberId register(String username, String email, String password, Role role) {
		return register(username, email, password, role, null);
	}

	/**
	 * Registers a member who reads the given language (the one their browser asked for), so that the
	 * first e-mail they get is in it; null leaves the choice open.
	 */
	@Transactional
	public MemberId register(String username, String email, String password, Role role, Locale language) {
		checkShape(username, email, password);
		if (members.usernameTaken(username)) {
			throw new RuleViolationException("username-taken", "The username '" + username + "' is taken.",
					username);
		}
		if (members.emailTaken(email)) {
			throw new RuleViolationException("email-taken", "An account with this email address exists already.");
		}
		try {
			Member member = members.saveAndFlush(new Member(username, email.toLowerCase(Locale.ROOT),
					passwords.encode(password), role, clock.instant()));
			member.speak(language == null ? null : languages.match(language));
			return members.save(member.registered()).id();
		}
		catch (DataIntegrityViolationException ex) {
			// two sign-ups raced for the same name; the unique index decided
			throw new RuleViolationException("username-taken", "The username or email address is taken.",
					username);
		}
	}

	private void checkShape(String username, String email, String password) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidInputException("username", "username-format",
					"must be 3 to 32 letters, digits, dots, dashes or underscores");
		}
		if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw new InvalidInputException("email", "email-format", "must be an email address");
		}
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < properties.minPasswordLength() || length > properties.maxPasswordLength()) {
			throw new InvalidInputException("password", "length", "must be " + properties.minPasswordLength()
					+ " to " + properties.maxPasswordLength() + " characters", properties.minPasswordLength(),
					properties.maxPasswordLength());
		}
	}
}
