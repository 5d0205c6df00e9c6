package com.forum.member;

import java.time.ZoneId;
import java.util.Locale;

/**
 * How a member wants to be spoken to: a language and a time zone, each null until chosen.
 *
 * @param language one of the forum's languages, or null to follow the browser
 * @param zone the member's time zone, or null for the default of their language
 */
public record MemberPreferences(Locale language, ZoneId zone) {

	public static final MemberPreferences NONE = new MemberPreferences(null, null);
}
