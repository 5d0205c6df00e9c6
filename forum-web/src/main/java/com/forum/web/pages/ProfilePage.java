package com.forum.web.pages;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.MemberActivity;
import com.forum.discussion.PostActivity;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSummary;
import com.forum.member.LanguageProperties;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberPreferences;
import com.forum.member.MemberProfile;
import com.forum.member.MemberSettings;
import com.forum.member.NameFolding;
import com.forum.notification.NotificationChannel;
import com.forum.notification.NotificationKind;
import com.forum.notification.NotificationPreferences;
import com.forum.reputation.Badges;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.shared.InvalidInputException;
import com.forum.upload.Uploads;
import com.forum.web.security.MemberPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's public profile: who they are, and their threads or replies, a page at a time. On their
 * own profile a member also finds their settings: the language of the site, their time zone, and where
 * each kind of notification goes.
 */
@Controller
class ProfilePage {

	private static final int PAGE_SIZE = 20;

	private final MemberDirectory members;

	private final DiscussionQueries queries;

	private final MemberSettings settings;

	private final LanguageProperties languages;

	private final LocaleResolver locales;

	private final Clock clock;

	private final Reputation reputation;

	private final Badges badges;

	private final NotificationPreferences notifications;

	private final Uploads uploads;

	private final MemberActivity activity;

	private final WatchingView watching;

	ProfilePage(MemberDirectory members, DiscussionQueries queries, MemberSettings settings,
			LanguageProperties languages, LocaleResolver locales, Clock clock, Reputation reputation, Badges badges,
			NotificationPreferences notifications, Uploads uploads, MemberActivity activity, WatchingView watching) {
		this.uploads = uploads;
		this.activity = activity;
		this.watching = watching;
		this.notifications = notifications;
		this.reputation = reputation;
		this.badges = badges;
		this.members = members;
		this.queries = queries;
		this.settings = settings;
		this.languages = languages;
		this.locales = locales;
		this.clock = clock;
	}

	@GetMapping("/members/{username}")
	String profile(@PathVariable String username, @RequestParam(defaultValue = "threads") String tab,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal viewer, Model model) {
		// a member who has not confirmed their address is shown to themselves only
		MemberProfile member = viewer != null && NameFolding.same(viewer.getUsername(), username)
				? members.profile(username) : members.publicProfile(username);
		if (new Viewer(viewer).is(member.id())) {
			model.addAttribute("settingsForm", currentSettings(member));
		}
		return profilePage(member, tab, page, viewer, model);
	}

	/** Saves the member's language and zone; the language also goes into a cookie, so it outlasts signing out. */
	@PostMapping("/settings/preferences")
	String savePreferences(@Valid @ModelAttribute("settingsForm") PreferencesForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal viewer, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		new Viewer(viewer).actor();
		Locale language = result.hasFieldErrors("language") ? null : languages.match(Locale.forLanguageTag(form.getLanguage()));
		if (language == null && !result.hasFieldErrors("language")) {
			result.rejectValue("language", "settings.language.invalid");
		}
		Optional<ZoneId> zone = TimeZoneChoices.parse(form.getTimeZone());
		if (zone.isEmpty() && !result.hasFieldErrors("timeZone")) {
			result.rejectValue("timeZone", "settings.zone.invalid");
		}
		MemberProfile member = members.profile(viewer.getUsername());
		if (result.hasErrors()) {
			return profilePage(member, "threads", 1, viewer, model);
		}
		settings.changeLanguage(viewer.memberId(), language);
		settings.changeTimeZone(viewer.memberId(), zone.get());
		locales.setLocale(request, response, language);
		redirect.addFlashAttribute("notice", "settings.saved");
		return "redirect:/members/" + Pages.encode(member.username()) + "#settings";
	}

	/**
	 * Saves where each kind of notification goes. A kind or channel the page never offered (a hand-made
	 * request) is refused with the form shown again and nothing changed.
	 */
	@PostMapping("/settings/notifications")
	String saveNotifications(@ModelAttribute("notificationForm") NotificationSettingsForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal viewer, Model model, RedirectAttributes redirect) {
		new Viewer(viewer).actor();
		MemberProfile member = members.profile(viewer.getUsername());
		try {
			notifications.change(viewer.memberId(), form.getChannels());
		}
		catch (InvalidInputException ex) {
			// the page offers only known kinds and channels: say so in its words, not the API's ids
			result.reject("notification-settings.invalid");
			model.addAttribute("settingsForm", currentSettings(member));
			return profilePage(member, "threads", 1, viewer, model);
		}
		redirect.addFlashAttribute("notice", "notification-settings.saved");
		return "redirect:/members/" + Pages.encode(member.username()) + "#notification-settings";
	}

	/**
	 * A reply hidden pending review shows its text to its author and moderators only, here as in its thread;
	 * the activity tab leaves hidden posts out for everyone else.
	 */
	private String profilePage(MemberProfile member, String tab, int page, MemberPrincipal viewer, Model model) {
		boolean replies = "replies".equals(tab);
		boolean activities = "activity".equals(tab);
		boolean threads = !replies && !activities;
		Page<TopicSummary> topics = queries.topicsBy(member.id(), threads ? Pages.index(page) : 0, threads ? PAGE_SIZE : 1);
		Page<ReplyDetails> posts = queries.repliesBy(member.id(), replies ? Pages.index(page) : 0, replies ? PAGE_SIZE : 1)
			.map(r -> r.shownTo(viewer == null ? null : viewer.memberId(), viewer != null && viewer.moderates()));
		boolean seesHidden = viewer != null && (viewer.moderates() || viewer.memberId().equals(member.id()));
		Page<PostActivity> recent = activities ? activity.of(member.id(), seesHidden, Pages.index(page), PAGE_SIZE)
				: Page.empty();
		Page<?> shown = replies ? posts : activities ? recent : topics;
		String shownTab = replies ? "replies" : activities ? "activity" : "threads";
		String base = "/members/" + Pages.encode(member.username()) + "?tab=" + shownTab;
		model.addAttribute("activity", recent);
		watching.profile(model, viewer, member.id());
		model.addAttribute("member", member);
		AvatarsView avatars = AvatarsView.of(uploads, Map.of(member.id(), member.username()));
		model.addAttribute("avatars", avatars);
		model.addAttribute("hasAvatar", avatars.src(member.username(), "avatar-xl") != null);
		Standings standings = reputation.standings(List.of(member.id()));
		model.addAttribute("standings", standings);
		model.addAttribute("standing", standings.of(member.id()));
		model.addAttribute("badges", badges.heldBy(member.id()));
		model.addAttribute("tab", shownTab);
		model.addAttribute("topics", topics);
		model.addAttribute("posts", posts);
		model.addAttribute("titles", replies ? titles(posts) : Map.of());
		model.addAttribute("pager", Pager.of(Pages.number(page), shown.getTotalPages(), n -> base + "&page=" + n));
		if (model.containsAttribute("settingsForm")) {
			model.addAttribute("now", clock.instant());
			model.addAttribute("settingsLanguages", languages.supported());
			model.addAttribute("settingsZones", TimeZoneChoices.at(clock.instant(), LocaleContextHolder.getLocale()));
			if (!model.containsAttribute("notificationForm")) {
				model.addAttribute("notificationForm", NotificationSettingsForm.of(notifications.of(member.id())));
			}
			model.addAttribute("notificationKinds", NotificationKind.values());
			model.addAttribute("notificationChannels", NotificationChannel.values());
		}
		return "members/profile";
	}

	/** What the member chose, else what the pages use now: the language and zone they are reading in. */
	private PreferencesForm currentSettings(MemberProfile member) {
		MemberPreferences chosen = settings.preferences(member.id());
		Locale language = chosen.language() != null ? chosen.language() : LocaleContextHolder.getLocale();
		ZoneId zone = chosen.zone() != null ? chosen.zone() : LocaleContextHolder.getTimeZone().toZoneId();
		return new PreferencesForm(language.toLanguageTag(), zone.getId());
	}

	/** Titles of the threads the replies belong to; threads since deleted are missing. */
	private Map<TopicId, String> titles(Page<ReplyDetails> replies) {
		return queries.titles(replies.map(ReplyDetails::topicId).toSet());
	}
}
