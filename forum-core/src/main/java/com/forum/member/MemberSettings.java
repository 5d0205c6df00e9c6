package com.forum.member;

import java.time.ZoneId;
import java.util.Locale;

import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's own choices: the language they read and the time zone they live in. */
@Service
public class MemberSettings {

	private final Members members;

	private final LanguageProperties languages;

	private final AccessTokens tokens;

	MemberSettings(Members members, LanguageProperties languages, AccessTokens tokens) {
		this.members = members;
		this.languages = languages;
		this.tokens = tokens;
	}

	@Transactional(readOnly = true)
	public MemberPreferences preferences(MemberId id) {
		return member(id).preferences();
	}

	/** Chooses one of the forum's languages; anything else is refused rather than guessed. */
	@Transactional
	public void changeLanguage(MemberId id, Locale language) {
		member(id).speak(supported(language));
		// API calls read the language with the bearer token, which this node may have cached
		tokens.forget(id);
	}

	@Transactional
	public void changeTimeZone(MemberId id, ZoneId zone) {
		member(id).liveIn(zone);
		tokens.forget(id);
	}

	Locale supported(Locale language) {
		Locale matched = languages.match(language);
		if (matched == null) {
			throw new InvalidInputException("language", "one-of", "must be one of " + languages.supported(),
					languages.supported().toString());
		}
		return matched;
	}

	private Member member(MemberId id) {
		return members.findById(id.value()).orElseThrow(() -> new NotFoundException("member", id));
	}
}
