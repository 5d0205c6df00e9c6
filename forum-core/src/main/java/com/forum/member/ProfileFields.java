package com.forum.member;

/**
 * What a member says of themselves, each null until written or chosen.
 *
 * @param bio Markdown shown on the profile
 * @param bioHtml the bio rendered safe for a page
 * @param signature one line of plain text shown under their posts
 * @param device the device they post from, one of the configured list
 */
public record ProfileFields(String bio, String bioHtml, String signature, String device) {

	public static final ProfileFields NONE = new ProfileFields(null, null, null, null);
}
