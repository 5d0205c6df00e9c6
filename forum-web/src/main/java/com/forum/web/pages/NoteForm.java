package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An internal note between employees. */
public class NoteForm {

	@NotBlank(message = "Please write the note.")
	@Size(max = 10_000, message = "The note must be at most 10,000 characters.")
	private String body = "";

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}
}
