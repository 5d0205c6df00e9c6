package com.forum.discussion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberName;
import com.forum.member.NameFolding;
import com.forum.shared.MarkdownRenderer;

import org.springframework.stereotype.Component;

/**
 * The members a post mentions ({@code @name}), found by their folded names, at most
 * {@link MentionProperties#maxPerPost()} of them in the order written: each is linked to their profile
 * in the post's HTML and named in the event that tells them.
 */
@Component
class Mentions {

	private final MarkdownRenderer markdown;

	private final MemberDirectory members;

	private final MentionProperties properties;

	Mentions(MarkdownRenderer markdown, MemberDirectory members, MentionProperties properties) {
		this.markdown = markdown;
		this.members = members;
		this.properties = properties;
	}

	/** What a body renders to and whom it mentions. */
	Rendered render(String body) {
		Set<String> names = markdown.mentionedNames(body);
		Map<String, MemberName> found = members.byNames(names);
		// the first members named count, not the first names written: a name of nobody takes no place
		List<String> counted = names.stream().map(NameFolding::fold).distinct().filter(found::containsKey)
			.limit(properties.maxPerPost()).toList();
		String html = markdown.toSafeHtml(body, name -> {
			String folded = NameFolding.fold(name);
			return counted.contains(folded) ? "/members/"
					+ URLEncoder.encode(found.get(folded).username(), StandardCharsets.UTF_8).replace("+", "%20") : null;
		});
		return new Rendered(html, counted.stream().map(folded -> found.get(folded).id()).toList());
	}

	record Rendered(String html, List<MemberId> mentioned) {
	}
}
