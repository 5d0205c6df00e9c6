package com.forum.web.pages;

import jakarta.validation.Valid;

/** The new-thread form: a thread, and optionally a poll asked with it. */
public class NewTopicForm extends TopicForm {

	@Valid
	private PollForm poll = new PollForm();

	public PollForm getPoll() {
		return poll;
	}

	public void setPoll(PollForm poll) {
		this.poll = poll == null ? new PollForm() : poll;
	}
}
