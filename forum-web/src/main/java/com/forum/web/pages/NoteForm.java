package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An internal note between employees. */
public class NoteForm {

	@NotBlank(message = "{triage.form.note.required}")
	@Size(max = 10_000, message = "{triage.form.note.size}")
	private String body = "";

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}
}
