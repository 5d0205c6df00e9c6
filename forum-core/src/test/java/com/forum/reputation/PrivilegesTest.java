package com.forum.reputation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.Role;
import org.junit.jupiter.api.Test;

import static com.forum.member.Privilege.EDIT_OTHERS_POSTS;
import static com.forum.member.Privilege.FLAG_POSTS;
import static com.forum.member.Privilege.HELP_TRIAGE;
import static com.forum.member.Privilege.HIDE_POSTS;
import static com.forum.member.Privilege.LIKE_POSTS;
import static com.forum.member.Privilege.MARK_DUPLICATES;
import static com.forum.member.Privilege.POST_LINKS_IMAGES;
import static com.forum.member.Privilege.START_CONVERSATIONS;
import static com.forum.member.Privilege.VOTE_PETITIONS;
import static org.assertj.core.api.Assertions.assertThat;

class PrivilegesTest {

	private static final Map<Privilege, Long> LADDER = Map.of(VOTE_PETITIONS, 0L, LIKE_POSTS, 0L, POST_LINKS_IMAGES, 10L,
			FLAG_POSTS, 15L, START_CONVERSATIONS, 20L, HELP_TRIAGE, 500L, HIDE_POSTS, 1000L, EDIT_OTHERS_POSTS, 2000L,
			MARK_DUPLICATES, 3000L);

	private final Privileges privileges = new Privileges(null, new PrivilegeProperties(LADDER));

	@Test
	void aPrivilegeIsHeldFromExactlyItsThresholdAndBelowZeroNothingIs() {
		assertThat(privileges.heldAt(9)).containsExactlyInAnyOrder(VOTE_PETITIONS, LIKE_POSTS);
		assertThat(privileges.heldAt(10)).containsExactlyInAnyOrder(VOTE_PETITIONS, LIKE_POSTS, POST_LINKS_IMAGES);
		assertThat(privileges.heldAt(-1)).isEmpty();
		assertThat(privileges.heldAt(3000)).isEqualTo(EnumSet.allOf(Privilege.class));
	}

	@Test
	void whatAFallTakesAwayIsEveryThresholdItCrosses() {
		assertThat(privileges.lostBetween(2000, 499)).containsExactlyInAnyOrder(HELP_TRIAGE, HIDE_POSTS,
				EDIT_OTHERS_POSTS);
		assertThat(privileges.lostBetween(15, 14)).containsExactly(FLAG_POSTS);
		assertThat(privileges.lostBetween(14, 15)).isEmpty();
	}

	@Test
	void theLadderRunsFromTheFirstPrivilegeToTheLast() {
		assertThat(List.copyOf(privileges.ladder().keySet())).containsExactly(VOTE_PETITIONS, LIKE_POSTS,
				POST_LINKS_IMAGES, FLAG_POSTS, START_CONVERSATIONS, HELP_TRIAGE, HIDE_POSTS, EDIT_OTHERS_POSTS,
				MARK_DUPLICATES);
	}

	@Test
	void aLadderMustNameEveryPrivilege() {
		assertThat(new PrivilegeProperties(Map.of(VOTE_PETITIONS, 0L)).isEveryPrivilegeNamed()).isFalse();
		assertThat(new PrivilegeProperties(LADDER).isEveryPrivilegeNamed()).isTrue();
	}

	@Test
	void staffHoldEveryPrivilegeAndMembersOnlyWhatTheyAreGiven() {
		assertThat(new Actor(new MemberId(1), Role.MODERATOR).holds(MARK_DUPLICATES)).isTrue();
		assertThat(new Actor(new MemberId(1), Role.EMPLOYEE).privileges()).isEqualTo(EnumSet.allOf(Privilege.class));
		assertThat(new Actor(new MemberId(1), Role.MEMBER).holds(VOTE_PETITIONS)).isFalse();
		assertThat(Privilege.of("edit-others-posts")).isEqualTo(EDIT_OTHERS_POSTS);
		assertThat(EDIT_OTHERS_POSTS.id()).isEqualTo("edit-others-posts");
	}

	@Test
	void quotasHoldFromTheirLevelUntilTheNextLine() {
		QuotaProperties quotas = new QuotaProperties(List.of(new QuotaProperties.DailyQuota(1, 10, 50, 50, 100, 10),
				new QuotaProperties.DailyQuota(3, 20, 100, 100, 200, 20)));
		assertThat(quotas.at(2).threads()).isEqualTo(10);
		assertThat(quotas.at(3).of(Quota.LIKES)).isEqualTo(200);
		assertThat(quotas.at(10).replies()).isEqualTo(100);
		assertThat(quotas.isDailyRising()).isTrue();
		assertThat(new QuotaProperties(List.of(new QuotaProperties.DailyQuota(2, 1, 1, 1, 1, 1))).isDailyRising())
			.as("the first line must start at Lv1").isFalse();
	}
}
