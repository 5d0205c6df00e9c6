package com.forum.petition;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

import static com.forum.petition.PetitionStatus.DECLINED;
import static com.forum.petition.PetitionStatus.DUPLICATE;
import static com.forum.petition.PetitionStatus.IN_PROGRESS;
import static com.forum.petition.PetitionStatus.PLANNED;
import static com.forum.petition.PetitionStatus.SHIPPED;
import static com.forum.petition.PetitionStatus.SUBMITTED;
import static com.forum.petition.PetitionStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PetitionWorkflowTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	/** The whole table, written out independently of the enum so a change to either is noticed. */
	private static final Map<PetitionStatus, Set<PetitionStatus>> ALLOWED = Map.of(
			SUBMITTED, EnumSet.of(UNDER_REVIEW, PLANNED, DECLINED, DUPLICATE),
			UNDER_REVIEW, EnumSet.of(PLANNED, DECLINED, DUPLICATE),
			PLANNED, EnumSet.of(IN_PROGRESS, SHIPPED, UNDER_REVIEW, DECLINED),
			IN_PROGRESS, EnumSet.of(SHIPPED, PLANNED),
			SHIPPED, EnumSet.noneOf(PetitionStatus.class),
			DECLINED, EnumSet.of(UNDER_REVIEW),
			DUPLICATE, EnumSet.noneOf(PetitionStatus.class));

	private final Actor employee = new Actor(new MemberId(9), Role.EMPLOYEE);

	private final Actor member = new Actor(new MemberId(2), Role.MEMBER);

	static Stream<Arguments> everyPair() {
		return Stream.of(PetitionStatus.values())
			.flatMap(from -> Stream.of(PetitionStatus.values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void everyFromToPairIsAllowedExactlyWhenTheTableSaysSo(PetitionStatus from, PetitionStatus to) {
		Petition petition = petition(1, from);
		Petition original = petition(2, PLANNED);
		boolean allowed = ALLOWED.get(from).contains(to);

		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		if (allowed) {
			HistoryEntry entry = move(petition, to, original);
			assertThat(petition.status()).isEqualTo(to);
			assertThat(entry.view("e", null).from()).isEqualTo(from);
			assertThat(entry.view("e", null).to()).isEqualTo(to);
			assertThat(entry.view("e", null).official()).isTrue();
			assertThat(petition.pendingEvents()).hasOnlyElementsOfType(PetitionStatusChanged.class);
		}
		else {
			assertThatThrownBy(() -> move(petition, to, original)).isInstanceOf(RuleViolationException.class)
				.hasMessageContaining("cannot move");
			assertThat(petition.status()).isEqualTo(from);
		}
	}

	/** Any move the table allows, shipping included: scheduled in a draft release, then shipped with it. */
	private HistoryEntry move(Petition petition, PetitionStatus to, Petition original) {
		if (to == SHIPPED) {
			Release release = release(7);
			petition.scheduleShipping(employee, release, "because");
			return petition.ship(employee, release.id(), NOW);
		}
		return petition.changeStatus(employee, to, "because", original, NOW);
	}

	@Test
	void decliningNeedsAReason() {
		Petition petition = petition(1, UNDER_REVIEW);

		assertThatThrownBy(() -> petition.changeStatus(employee, DECLINED, "  ", null, NOW))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		assertThat(petition.status()).isEqualTo(UNDER_REVIEW);
	}

	@Test
	void reopeningADeclinedPetitionNeedsAReason() {
		Petition petition = petition(1, DECLINED);

		assertThatThrownBy(() -> petition.changeStatus(employee, UNDER_REVIEW, null, null, NOW))
			.isInstanceOf(InvalidInputException.class);
		petition.changeStatus(employee, UNDER_REVIEW, "New logs show it affects many devices", null, NOW);
		assertThat(petition.status()).isEqualTo(UNDER_REVIEW);
	}

	@Test
	void shippingNamesTheRelease() {
		Petition petition = petition(1, IN_PROGRESS);

		assertThatThrownBy(() -> petition.scheduleShipping(employee, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("release");
		assertThatThrownBy(() -> petition.changeStatus(employee, SHIPPED, null, null, NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(petition.scheduledIn()).isNull();
	}

	@Test
	void aPetitionScheduledInADraftReleaseKeepsItsStatusAndTellsNoOneUntilTheReleaseShipsIt() {
		Petition petition = petition(1, IN_PROGRESS);
		Release release = release(3);

		petition.scheduleShipping(employee, release, "  ");

		assertThat(petition.status()).isEqualTo(IN_PROGRESS);
		assertThat(petition.scheduledIn()).isEqualTo(new ReleaseId(3));
		assertThat(petition.shippedIn()).isNull();
		assertThat(petition.pendingEvents()).isEmpty();

		HistoryEntry entry = petition.ship(employee, release.id(), NOW);

		assertThat(petition.status()).isEqualTo(SHIPPED);
		assertThat(petition.shippedIn()).isEqualTo(new ReleaseId(3));
		assertThat(petition.scheduledIn()).isNull();
		assertThat(entry.view("e", null).response()).isEqualTo("Shipped in OS3.0.3.");
		assertThat(petition.pendingEvents()).singleElement()
			.isInstanceOfSatisfying(PetitionStatusChanged.class, e -> assertThat(e.to()).isEqualTo(SHIPPED));
	}

	@Test
	void onlyADraftReleaseTakesPetitionsAndOnlyTheOneItIsScheduledInShipsThem() {
		Petition petition = petition(1, PLANNED);
		Release published = release(3);
		published.publish(employee, NOW);

		assertThatThrownBy(() -> petition.scheduleShipping(employee, published, null))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("published");
		assertThatThrownBy(() -> petition.ship(employee, new ReleaseId(3), NOW))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("not scheduled");
		petition.scheduleShipping(employee, release(4), "In the May build.");
		assertThatThrownBy(() -> petition.ship(employee, new ReleaseId(5), NOW))
			.isInstanceOf(RuleViolationException.class);
		assertThat(petition.status()).isEqualTo(PLANNED);
	}

	@Test
	void aScheduleLastsWhileThePetitionCanStillShip() {
		Petition petition = petition(1, PLANNED);
		petition.scheduleShipping(employee, release(3), null);

		petition.changeStatus(employee, IN_PROGRESS, null, null, NOW);
		assertThat(petition.scheduledIn()).isEqualTo(new ReleaseId(3));

		petition.changeStatus(employee, PLANNED, null, null, NOW);
		petition.changeStatus(employee, UNDER_REVIEW, "Needs another look", null, NOW);
		assertThat(petition.scheduledIn()).isNull();
		assertThatThrownBy(() -> petition.ship(employee, new ReleaseId(3), NOW))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aDuplicateNamesAnOriginalThatIsNeitherItselfNorADuplicate() {
		Petition petition = petition(1, SUBMITTED);

		assertThatThrownBy(() -> petition.changeStatus(employee, DUPLICATE, null, null, NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> petition.changeStatus(employee, DUPLICATE, null, petition, NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> petition.changeStatus(employee, DUPLICATE, null, petition(3, DUPLICATE), NOW))
			.isInstanceOf(InvalidInputException.class);

		petition.changeStatus(employee, DUPLICATE, null, petition(2, PLANNED), NOW);
		assertThat(petition.duplicateOf()).isEqualTo(new PetitionId(2));
		assertThatThrownBy(petition::checkVotable).isInstanceOf(RuleViolationException.class).hasMessageContaining("2");
	}

	@Test
	void onlyEmployeesTriage() {
		Petition petition = petition(1, SUBMITTED);

		assertThatThrownBy(() -> petition.changeStatus(member, UNDER_REVIEW, null, null, NOW))
			.isInstanceOf(PermissionDeniedException.class);
		assertThatThrownBy(() -> petition(3, PLANNED).scheduleShipping(member, release(3), null))
			.isInstanceOf(PermissionDeniedException.class);
		assertThatThrownBy(() -> petition.respond(member, "hello", NOW)).isInstanceOf(PermissionDeniedException.class);
		assertThatThrownBy(() -> petition.assign(member, "camera", null)).isInstanceOf(PermissionDeniedException.class);
	}

	@Test
	void aMemberTrustedWithTriagePutsASubmittedPetitionUnderReviewButDecidesNothingElse() {
		Actor helper = new Actor(new MemberId(5), Role.MEMBER, Set.of(Privilege.HELP_TRIAGE));
		Petition petition = petition(1, SUBMITTED);

		HistoryEntry entry = petition.changeStatus(helper, UNDER_REVIEW, null, null, NOW);

		assertThat(petition.status()).isEqualTo(UNDER_REVIEW);
		assertThat(entry.view("helper", null).official()).as("the helper's move is not an official word").isFalse();
		assertThat(petition.firstResponseAt()).as("only employees answer").isNull();
		assertThatThrownBy(() -> petition.changeStatus(helper, PLANNED, null, null, NOW))
			.isInstanceOf(PermissionDeniedException.class)
			.isNotInstanceOf(PrivilegeRequiredException.class);
		assertThatThrownBy(() -> petition(2, SUBMITTED).changeStatus(helper, UNDER_REVIEW, "Looks good", null, NOW))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> petition(3, SUBMITTED).changeStatus(helper, DUPLICATE, null, petition(4, PLANNED), NOW))
			.isInstanceOfSatisfying(PrivilegeRequiredException.class,
					ex -> assertThat(ex.privilege()).isEqualTo(Privilege.MARK_DUPLICATES));
	}

	@Test
	void aMemberTrustedWithDuplicatesMergesOneIntoItsOriginal() {
		Actor merger = new Actor(new MemberId(6), Role.MEMBER, Set.of(Privilege.MARK_DUPLICATES));
		Petition petition = petition(1, UNDER_REVIEW);

		petition.changeStatus(merger, DUPLICATE, null, petition(2, PLANNED), NOW);

		assertThat(petition.duplicateOf()).isEqualTo(new PetitionId(2));
		assertThatThrownBy(() -> petition(3, SUBMITTED).changeStatus(merger, UNDER_REVIEW, null, null, NOW))
			.isInstanceOfSatisfying(PrivilegeRequiredException.class,
					ex -> assertThat(ex.privilege()).isEqualTo(Privilege.HELP_TRIAGE));
	}

	@Test
	void theFirstOfficialWordStartsTheServiceLevelClockOnce() {
		Petition petition = petition(1, SUBMITTED);

		petition.respond(employee, "We are looking into it", NOW);
		petition.changeStatus(employee, UNDER_REVIEW, null, null, NOW.plusSeconds(3600));

		assertThat(petition.firstResponseAt()).isEqualTo(NOW);
		assertThat(petition.pendingEvents()).hasSize(2);
	}

	private static Release release(long id) {
		Release release = new Release("OS3.0." + id, NOW.plusSeconds(86_400), "", new MemberId(9), NOW);
		ReflectionTestUtils.setField(release, "id", id);
		return release;
	}

	private static Petition petition(long id, PetitionStatus status) {
		Petition petition = new Petition(new BoardId(1), new MemberId(2), "Dark mode schedule", "text", "<p>text</p>",
				null, null, Set.of(), NOW.minusSeconds(86_400));
		ReflectionTestUtils.setField(petition, "id", id);
		ReflectionTestUtils.setField(petition, "status", status);
		return petition;
	}
}
