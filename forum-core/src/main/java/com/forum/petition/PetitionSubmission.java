package com.forum.petition;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.forum.board.BoardCatalog;
import com.forum.member.Actor;
import com.forum.member.Privilege;
import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.trust.PostingTrust;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members submit petitions; the author backs their own petition from the start. */
@Service
public class PetitionSubmission {

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,29}");

	private final Petitions petitions;

	private final PetitionVoting voting;

	private final BoardCatalog boards;

	private final MarkdownRenderer markdown;

	private final PetitionProperties properties;

	private final Clock clock;

	private final PostingTrust trust;

	PetitionSubmission(Petitions petitions, PetitionVoting voting, BoardCatalog boards, MarkdownRenderer markdown,
			PetitionProperties properties, Clock clock, PostingTrust trust) {
		this.petitions = petitions;
		this.voting = voting;
		this.boards = boards;
		this.markdown = markdown;
		this.properties = properties;
		this.clock = clock;
		this.trust = trust;
	}

	@Transactional
	public PetitionId submit(Actor author, PetitionDraft draft) {
		if (draft.board() == null || boards.find(draft.board()).isEmpty()) {
			throw new InvalidInputException("boardId", "unknown-board", "no board with id " + draft.board(),
					String.valueOf(draft.board()));
		}
		String title = trimmed(draft.title());
		if (title == null || title.codePointCount(0, title.length()) < 5 || title.length() > 150) {
			throw new InvalidInputException("title", "length", "must be 5 to 150 characters", 5, 150);
		}
		if (draft.description() == null || draft.description().isBlank() || draft.description().length() > 20_000) {
			throw new InvalidInputException("description", "length", "must be 1 to 20,000 characters", 1,
					20_000);
		}
		markdown.checkImagesAccepted("description", draft.description());
		String device = optional("deviceModel", draft.deviceModel());
		String firmware = optional("firmwareVersion", draft.firmwareVersion());
		if (markdown.addsLinks(null, draft.description())) {
			// links and images are a privilege, in petitions as in threads
			author.require(Privilege.POST_LINKS_IMAGES);
		}
		trust.admit(author, title + "\n" + draft.description(), markdown.linkTargets(draft.description()).size());
		Petition petition = petitions.saveAndFlush(new Petition(draft.board(), author.id(), title, draft.description(),
				markdown.toSafeHtml(draft.description()), device, firmware, tags(draft.tags()), clock.instant()));
		petitions.save(petition.submitted());
		voting.recordVote(petition, author.id(), device);
		voting.foldNow(petition.id());
		return petition.id();
	}

	private Set<String> tags(Set<String> given) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : given == null ? Set.<String>of() : given) {
			String clean = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
			if (!TAG.matcher(clean).matches()) {
				throw new InvalidInputException("tags", "tag-format",
						"each tag is 1 to 30 letters, digits or dashes");
			}
			tags.add(clean);
		}
		if (tags.size() > properties.maxTags()) {
			throw new InvalidInputException("tags", "too-many-tags", "at most " + properties.maxTags() + " tags",
					properties.maxTags());
		}
		return tags;
	}

	private static String optional(String field, String value) {
		String clean = trimmed(value);
		if (clean != null && clean.length() > 60) {
			throw new InvalidInputException(field, "too-long", "must be at most 60 characters", 60);
		}
		return clean;
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
