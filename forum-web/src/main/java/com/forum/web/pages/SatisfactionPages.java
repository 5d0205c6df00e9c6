package com.forum.web.pages;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.petition.PetitionId;
import com.forum.satisfaction.Satisfaction;
import com.forum.shared.InvalidInputException;
import com.forum.web.security.MemberPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-click ratings of {@code fragments/satisfaction.html}, without JavaScript: the form posts,
 * and the page comes back showing the rating given, or what was wrong with it next to the choices.
 * A refusal (not the asker, not decided yet) shows the error page.
 */
@Controller
class SatisfactionPages {

	private final Satisfaction satisfaction;

	private final DiscussionQueries discussions;

	private final ThreadLinks links;

	SatisfactionPages(Satisfaction satisfaction, DiscussionQueries discussions, ThreadLinks links) {
		this.satisfaction = satisfaction;
		this.discussions = discussions;
		this.links = links;
	}

	/** The asker rates the help on their solved question, and is back at the accepted answer. */
	@PostMapping("/threads/{id}/satisfaction")
	String rateQuestion(@PathVariable long id, @RequestParam(required = false) Integer rating,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		TopicId topic = new TopicId(id);
		rate(() -> satisfaction.rateQuestion(new Viewer(member).actor(), topic, rating == null ? 0 : rating),
				redirect);
		TopicDetails details = discussions.topic(topic);
		return "redirect:" + (details.acceptedReplyId() == null ? ThreadLinks.thread(topic)
				: links.reply(topic, details.acceptedReplyId()));
	}

	/** The author or a voter rates a shipped or declined petition, and is back on it. */
	@PostMapping("/petitions/{id}/satisfaction")
	String ratePetition(@PathVariable long id, @RequestParam(required = false) Integer rating,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		rate(() -> satisfaction.ratePetition(new Viewer(member).actor(), new PetitionId(id),
				rating == null ? 0 : rating), redirect);
		return "redirect:" + PetitionView.path(new PetitionId(id)) + "#rating";
	}

	/** A rating off the scale (only a hand-made request sends one) is told next to the choices. */
	private static void rate(Runnable rating, RedirectAttributes redirect) {
		try {
			rating.run();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("ratingError", "satisfaction.error.range");
		}
	}
}
