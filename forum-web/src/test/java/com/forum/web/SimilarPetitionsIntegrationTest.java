package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionTriage;
import com.forum.petition.StatusChange;
import com.forum.search.SimilarPetition;
import com.forum.search.SimilarPetitions;
import com.forum.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class SimilarPetitionsIntegrationTest {

	private static final Duration INDEXING = Duration.ofSeconds(10);

	@Autowired
	MemberRegistration registration;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionTriage triage;

	@Autowired
	BoardCatalog boards;

	@Autowired
	SimilarPetitions similar;

	@Test
	void paraphrasedTitlesFindExistingPetitionsWithTheirStatus() {
		Actor member = actor("fan", Role.MEMBER);
		Actor employee = actor("pm", Role.EMPLOYEE);
		BoardId board = boards.get("hyperos").id();

		PetitionId darkMode = submit(member, board, "Add dark mode to the Notes app");
		PetitionId callRecording = submit(member, board, "希望增加通话录音功能");
		PetitionId notch = submit(member, board, "Please support hiding the notch");
		PetitionId vacuum = submit(member, board, "Robot vacuum no-go zones in the Home app");
		triage.changeStatus(employee, notch,
				new StatusChange(PetitionStatus.DECLINED, "The camera cutout cannot be masked on this panel.", null,
						null));

		// other words, other fillers, same ask
		Await.until(INDEXING, () -> ids(similar.find("Dark mode in the Notes app, please", 5)).contains(darkMode));
		Await.until(INDEXING, () -> ids(similar.find("能否支持通话录音", 5)).contains(callRecording));
		Await.until(INDEXING, () -> similar.find("I want an option to hide the notch", 5)
			.stream()
			.anyMatch(p -> p.petitionId().equals(notch) && p.status() == PetitionStatus.DECLINED));

		SimilarPetition found = hit(similar.find("Dark mode in the Notes app, please", 5), darkMode);
		assertThat(found.title()).isEqualTo("Add dark mode to the Notes app");
		assertThat(found.status()).isEqualTo(PetitionStatus.SUBMITTED);
		assertThat(found.votes()).isEqualTo(1);
		assertThat(found.score()).isBetween(0.6, 1.0);
		assertThat(hit(similar.find("能否支持通话录音", 5), callRecording).status()).isEqualTo(PetitionStatus.SUBMITTED);
		assertThat(hit(similar.find("I want an option to hide the notch", 5), notch).status())
			.isEqualTo(PetitionStatus.DECLINED);

		// unrelated asks, even with the same fillers or product words, are not offered
		assertThat(ids(similar.find("Dark mode in the Notes app, please", 5))).doesNotContain(vacuum, notch,
				callRecording);
		assertThat(ids(similar.find("希望增加屏幕录制功能", 5))).doesNotContain(callRecording);
		assertThat(ids(similar.find("Please add a cleaning schedule for the robot vacuum", 5))).doesNotContain(vacuum,
				darkMode);
		assertThat(ids(similar.find("Please support hiding the navigation bar", 5))).doesNotContain(notch);
	}

	@Test
	void titlesOfFillersAloneFindNothingAndLongTitlesAreRefused() {
		assertThat(similar.find("Please add support", 5)).isEmpty();
		assertThat(similar.find("希望增加", 5)).isEmpty();
		assertThatThrownBy(() -> similar.find("dark mode ".repeat(16), 5)).isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).field())
			.isEqualTo("title");
	}

	private PetitionId submit(Actor author, BoardId board, String title) {
		return submission.submit(author,
				new PetitionDraft(board, title, "Details of: " + title, null, null, Set.of()));
	}

	private Actor actor(String name, Role role) {
		String username = name + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return new Actor(registration.register(username, username + "@example.com", "correct horse battery", role),
				role);
	}

	private static List<PetitionId> ids(List<SimilarPetition> found) {
		return found.stream().map(SimilarPetition::petitionId).toList();
	}

	private static SimilarPetition hit(List<SimilarPetition> found, PetitionId id) {
		return found.stream().filter(p -> p.petitionId().equals(id)).findFirst().orElseThrow();
	}
}
