package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a member types to reply, or to edit a reply. */
public class ReplyForm {

	@NotBlank(message = "{form.body.required}")
	@Size(max = 50_000, message = "{form.body.size}")
	private String body = "";

	private Long quotedReplyId;

	public ReplyForm() {
	}

	ReplyForm(String body, Long quotedReplyId) {
		this.body = body;
		this.quotedReplyId = quotedReplyId;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public Long getQuotedReplyId() {
		return quotedReplyId;
	}

	public void setQuotedReplyId(Long quotedReplyId) {
		this.quotedReplyId = quotedReplyId;
	}
}
