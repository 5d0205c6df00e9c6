package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a member types to start or edit a thread. */
public class TopicForm {

	@NotBlank(message = "Please give your thread a title.")
	@Size(min = 5, max = 150, message = "The title must be 5 to 150 characters.")
	private String title = "";

	@NotBlank(message = "Please write something.")
	@Size(max = 50_000, message = "The text must be at most 50,000 characters.")
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
