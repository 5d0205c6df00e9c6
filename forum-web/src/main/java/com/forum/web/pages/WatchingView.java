package com.forum.web.pages;

import java.util.Collection;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.member.MemberProfiles;
import com.forum.member.ProfileFields;
import com.forum.watching.Following;
import com.forum.watching.ReadingProgress;
import com.forum.watching.Watching;
import com.forum.web.security.MemberPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What watching adds to the thread and list pages: the signed-in member's level and unread counts, and
 * every author's device and signature. Kept apart so those pages change by a call each.
 */
@Component
class WatchingView {

	private static final Logger log = LoggerFactory.getLogger(WatchingView.class);

	private final Watching watching;

	private final ReadingProgress reading;

	private final MemberProfiles profiles;

	private final Following following;

	WatchingView(Watching watching, ReadingProgress reading, MemberProfiles profiles, Following following) {
		this.following = following;
		this.watching = watching;
		this.reading = reading;
		this.profiles = profiles;
	}

	/**
	 * The thread page: the authors' flair for every reader; for a member, their level, and the replies of
	 * the page count as read. Recording the reading must not cost the reader the page.
	 */
	void thread(Model model, MemberPrincipal member, TopicId topic, Page<ReplyDetails> replies,
			Collection<MemberId> authors) {
		model.addAttribute("flair", profiles.fields(authors));
		if (member == null) {
			return;
		}
		model.addAttribute("threadLevel", watching.threadLevel(member.memberId(), topic));
		long lastShown = replies.getContent().stream().mapToLong(reply -> reply.id().value()).max().orElse(0);
		try {
			reading.read(member.memberId(), topic, lastShown);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record how far member {} read thread {}: {}", member.memberId(), topic, ex.toString());
		}
	}

	/**
	 * A member's profile: what they say of themselves and who follows them; to a signed-in reader, whether
	 * they follow them; to the member themselves, the form of their fields.
	 */
	void profile(Model model, MemberPrincipal viewer, MemberId member) {
		ProfileFields fields = profiles.fields(member);
		model.addAttribute("aboutFields", fields);
		model.addAttribute("followers", following.followerCount(member));
		boolean self = viewer != null && viewer.memberId().equals(member);
		model.addAttribute("selfProfile", self);
		model.addAttribute("followingMember", viewer != null && !self && following.follows(viewer.memberId(), member));
		if (self) {
			if (!model.containsAttribute("fieldsForm")) {
				model.addAttribute("fieldsForm", ProfileFieldsForm.of(fields));
			}
			model.addAttribute("devices", profiles.devices());
		}
	}

	/** A board's page: the member's level for the board. */
	void board(Model model, MemberPrincipal member, BoardId board) {
		if (member != null) {
			model.addAttribute("boardLevel", watching.boardLevel(member.memberId(), board));
		}
	}

	/** A list of threads: "N new replies" beside those the member tracks or watches. */
	void list(Model model, MemberPrincipal member, List<TopicId> topics) {
		if (member != null) {
			model.addAttribute("unreadCounts", reading.unread(member.memberId(), topics));
		}
	}
}
