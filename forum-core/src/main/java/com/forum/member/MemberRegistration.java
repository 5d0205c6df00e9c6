package com.forum.member;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs members up. Names are compared folded ({@link NameFolding}): a name that folds to a taken one, or
 * looks like one (the same confusable skeleton), is refused. An e-mail address is private, so sign-up
 * never tells whether one is in use: {@link #signUp} answers alike for a new address and a taken one, and
 * the caller mails the address's owner instead.
 */
@Service
public class MemberRegistration {

	/** Letters and digits of any script, so Chinese names work, plus a few separators. */
	public static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.-]{3,32}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final Members members;

	private final PasswordEncoder passwords;

	private final PasswordRules rules;

	private final Clock clock;

	private final LanguageProperties languages;

	private final Set<String> reserved;

	MemberRegistration(Members members, PasswordEncoder passwords, PasswordRules rules, Clock clock,
			LanguageProperties languages, MemberProperties properties) {
		this.members = members;
		this.reserved = properties.reservedUsernames().stream().map(NameFolding::fold).collect(Collectors.toSet());
		this.languages = languages;
		this.passwords = passwords;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * What became of a sign-up. The caller answers all three alike; only the e-mail differs.
	 *
	 * @param created the new member, whose address is still to be confirmed, or null
	 * @param addressOwner the member who already has the address, or null
	 */
	public record SignUp(MemberId created, MemberId addressOwner) {

		public boolean isNew() {
			return created != null;
		}
	}

	/**
	 * Signs a stranger up, who reads the given language (the one their browser asked for; null leaves
	 * the choice open). Their address stays unconfirmed until they follow the link mailed to them. A taken
	 * name is refused, as names are public; a taken address is not, and nothing is created then. A name
	 * held by a member whose address is still unconfirmed is not refused either (that would tell that such
	 * a sign-up happened), and nothing is created. Every path hashes the password, so all take as long.
	 */
	@Transactional
	public SignUp signUp(String username, String email, String password, Locale language) {
		checkShape(username, email);
		checkNotReserved(username);
		rules.check("password", password, username, email);
		String hash = passwords.encode(password);
		Optional<Member> holder = nameHolder(username);
		if (holder.isPresent() && holder.get().emailConfirmed()) {
			throw refusal(username, holder.get());
		}
		Optional<Member> owner = members.findByFoldedEmail(NameFolding.fold(email));
		if (owner.isPresent()) {
			return new SignUp(null, owner.get().id());
		}
		if (holder.isPresent()) {
			return new SignUp(null, null);
		}
		return new SignUp(create(username, email, hash, Role.MEMBER, language, false), null);
	}

	/** Registers a member with a given role, for administrators and demo data: their address needs no link. */
	@Transactional
	public MemberId register(String username, String email, String password, Role role) {
		checkShape(username, email);
		checkNotReserved(username);
		rules.check("password", password, username, email);
		Optional<Member> holder = nameHolder(username);
		if (holder.isPresent()) {
			throw refusal(username, holder.get());
		}
		if (members.findByFoldedEmail(NameFolding.fold(email)).isPresent()) {
			throw new RuleViolationException("email-taken", "An account with this email address exists already.");
		}
		return create(username, email, passwords.encode(password), role, null, true);
	}

	/** The member whose name folds to this one's, or else looks like it. */
	private void checkNotReserved(String username) {
		if (reserved.contains(NameFolding.fold(username))) {
			throw new RuleViolationException("username-reserved", "The username '" + username + "' is reserved.",
					username);
		}
	}

	private Optional<Member> nameHolder(String username) {
		return members.findByFoldedUsername(NameFolding.fold(username))
			.or(() -> members.findBySkeleton(NameFolding.skeleton(username)));
	}

	private static RuleViolationException refusal(String username, Member holder) {
		if (NameFolding.same(holder.username(), username)) {
			return new RuleViolationException("username-taken", "The username '" + username + "' is taken.", username);
		}
		return new RuleViolationException("username-look-alike",
				"The username '" + username + "' looks like '" + holder.username() + "', which is taken.", username,
				holder.username());
	}

	private MemberId create(String username, String email, String hash, Role role, Locale language,
			boolean confirmed) {
		try {
			Member member = members.saveAndFlush(new Member(username, email, hash, role, clock.instant()));
			member.speak(language == null ? null : languages.match(language));
			if (confirmed) {
				member.confirmEmail(clock.instant());
			}
			return members.save(member.registered()).id();
		}
		catch (DataIntegrityViolationException ex) {
			// two sign-ups raced for the same name; the unique index decided
			throw new RuleViolationException("username-taken", "The username '" + username + "' is taken.",
					username);
		}
	}

	private static void checkShape(String username, String email) {
		// judged in its NFKC form, the one kept: full-width letters and dashes are plain ones
		if (username == null || username.length() > 256 || !USERNAME.matcher(NameFolding.display(username)).matches()) {
			throw new InvalidInputException("username", "username-format",
					"must be 3 to 32 letters, digits, dots, dashes or underscores");
		}
		if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()
				|| NameFolding.fold(email).length() > 254) {
			throw new InvalidInputException("email", "email-format", "must be an email address");
		}
	}
}
