package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A public history line: a status change ({@code from != to}) or an official response. {@code
 * official} marks words spoken for the company by an employee.
 *
 * @param response the words as written, in Markdown
 * @param responseHtml the same rendered as HTML that is safe to put on a page
 */
public record PetitionHistory(long id, MemberId actorId, String actorName, boolean official, PetitionStatus from,
		PetitionStatus to, String response, String responseHtml, Instant at) {

	public boolean isStatusChange() {
		return from != to;
	}
}
