package com.forum.web.pages;

/**
 * Why a member flags or hides a post: a reason from the list and a note. The rules (a known reason,
 * a note for "other", its length) are the domain's, which names the field it refuses.
 */
public class FlagForm {

	private String reason = "";

	private String note = "";

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}
}
