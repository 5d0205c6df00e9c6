package com.forum.member;

import java.util.Locale;

/**
 * What a member may do once the community trusts them enough. Which reputation unlocks each is the
 * ladder in {@code config/community.yml}; staff (moderators, employees, admins) hold them all. The
 * features that gate an action on a privilege read it from the {@link Actor}, which carries the ones
 * the member holds at the time of the request.
 */
public enum Privilege {

	VOTE_PETITIONS, LIKE_POSTS, POST_LINKS_IMAGES, FLAG_POSTS, HELP_TRIAGE, HIDE_POSTS, EDIT_OTHERS_POSTS,
	MARK_DUPLICATES, START_CONVERSATIONS;

	/** The privilege as configuration, the API and message keys spell it: {@code vote-petitions}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The privilege named by its id ({@code vote-petitions}) or its constant name. */
	public static Privilege of(String id) {
		return valueOf(id.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
	}
}
