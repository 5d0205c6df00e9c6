package com.forum.member;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameFoldingTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "Admin, admin", "ADMIN, admin", "\uff21\uff44\uff4d\uff49\uff4e, admin", "Stra\u00dfe, strasse",
			"\u212aelvin, kelvin", "ad\u00admin, admin", "\u5c0f\u7c73, \u5c0f\u7c73", "Bob@Example.COM, bob@example.com" })
	void spellingsUnicodeCallsTheSameFoldToOneKey(String spelling, String key) {
		assertThat(NameFolding.fold(spelling)).isEqualTo(key);
	}

	@ParameterizedTest(name = "{0} looks like {1}")
	@CsvSource({ "\u0430dmin, admin", "ADM\u0130N, admin", "adm\u0131n, admin", "rnifan, mifan", "m\u0456fan, mifan",
			"\u0440\u0430\u0443\u0440\u0430l, paypal" })
	void lookAlikesShareASkeleton(String lookAlike, String name) {
		assertThat(NameFolding.skeleton(lookAlike)).isEqualTo(NameFolding.skeleton(name));
	}

	@ParameterizedTest(name = "{0} differs from {1}")
	@CsvSource({ "admin, admins", "mifan, mifans", "\u5c0f\u7c73, \u5927\u7c73", "alice, alicia" })
	void differentNamesKeepDifferentSkeletons(String one, String other) {
		assertThat(NameFolding.skeleton(one)).isNotEqualTo(NameFolding.skeleton(other));
	}
}
