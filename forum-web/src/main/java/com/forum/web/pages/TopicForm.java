package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a member types to start or edit a thread. */
public class TopicForm {

	@NotBlank(message = "{thread.form.title.required}")
	@Size(min = 5, max = 150, message = "{thread.form.title.size}")
	private String title = "";

	@NotBlank(message = "{form.body.required}")
	@Size(max = 50_000, message = "{form.body.size}")
	private String body = "";

	public TopicForm() {
	}

	TopicForm(String title, String body) {
		this.title = title;
		this.body = body;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}
}
