package com.forum.member;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bio, signature and device members show with their name. The bio is Markdown rendered safe, without
 * images, and a link in it is a privilege as in posts; the signature is one line of plain text; the device
 * is one of {@code forum.profile-fields.devices}. A blank field clears it.
 */
@Service
public class MemberProfiles {

	private final Members members;

	private final JdbcTemplate jdbc;

	private final MarkdownRenderer markdown;

	private final ProfileFieldProperties properties;

	MemberProfiles(Members members, JdbcTemplate jdbc, MarkdownRenderer markdown, ProfileFieldProperties properties) {
		this.members = members;
		this.jdbc = jdbc;
		this.markdown = markdown;
		this.properties = properties;
	}

	/** The devices members choose from, in the configured order. */
	public java.util.List<String> devices() {
		return properties.devices();
	}

	@Transactional(readOnly = true)
	public ProfileFields fields(MemberId member) {
		return fields(java.util.List.of(member)).getOrDefault(member, ProfileFields.NONE);
	}

	/** The fields of several members at once, for the posts of a page. */
	@Transactional(readOnly = true)
	public Map<MemberId, ProfileFields> fields(Collection<MemberId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Long[] wanted = ids.stream().map(MemberId::value).distinct().toArray(Long[]::new);
		Map<MemberId, ProfileFields> found = new HashMap<>();
		jdbc.query("select id, bio, signature, device from member where id = any(?)", rs -> {
			String bio = rs.getString(2);
			found.put(new MemberId(rs.getLong(1)),
					new ProfileFields(bio, bio == null ? null : markdown.toSafeHtml(bio), rs.getString(3), rs.getString(4)));
		}, (Object) wanted);
		return found;
	}

	/** Checks every field before changing any, so a refused field changes nothing. */
	@Transactional
	public void describe(Actor actor, String bio, String signature, String device) {
		Member member = members.findById(actor.id().value()).orElseThrow(() -> new NotFoundException("member", actor.id()));
		String cleanBio = blankToNull(bio);
		if (cleanBio != null) {
			if (cleanBio.length() > properties.bioMaxLength()) {
				throw new InvalidInputException("bio", "too-long", "must be at most " + properties.bioMaxLength()
						+ " characters", properties.bioMaxLength());
			}
			if (markdown.hasImages(cleanBio)) {
				throw new InvalidInputException("bio", "no-images", "must not show images");
			}
			if (!actor.holds(Privilege.POST_LINKS_IMAGES) && markdown.addsLinks(member.bio(), cleanBio)) {
				throw new PrivilegeRequiredException(Privilege.POST_LINKS_IMAGES);
			}
		}
		String cleanSignature = blankToNull(signature);
		if (cleanSignature != null) {
			if (cleanSignature.contains("\n") || cleanSignature.contains("\r")) {
				throw new InvalidInputException("signature", "one-line", "must be a single line");
			}
			if (cleanSignature.length() > properties.signatureMaxLength()) {
				throw new InvalidInputException("signature", "too-long",
						"must be at most " + properties.signatureMaxLength() + " characters",
						properties.signatureMaxLength());
			}
		}
		String chosenDevice = blankToNull(device);
		if (chosenDevice != null && !properties.devices().contains(chosenDevice)) {
			throw new InvalidInputException("device", "one-of", "must be one of " + properties.devices(),
					String.join(", ", properties.devices()));
		}
		members.save(member.describe(cleanBio, cleanSignature, chosenDevice));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
