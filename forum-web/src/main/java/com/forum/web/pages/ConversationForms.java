package com.forum.web.pages;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What members type on the private message pages; the rules beyond the shape are the domain's. */
final class ConversationForms {

	private ConversationForms() {
	}

	/** A new conversation: whom to (names separated by commas or spaces), a subject and the first message. */
	public static class Start {

		@NotBlank(message = "{messages.form.recipients.required}")
		@Size(max = 2000, message = "{messages.form.recipients.size}")
		private String recipients = "";

		private String subject = "";

		@NotBlank(message = "{form.body.required}")
		@Size(max = 50_000, message = "{form.body.size}")
		private String body = "";

		public String getRecipients() {
			return recipients;
		}

		public void setRecipients(String recipients) {
			this.recipients = recipients;
		}

		public String getSubject() {
			return subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public String getBody() {
			return body;
		}

		public void setBody(String body) {
			this.body = body;
		}

		List<String> names() {
			return Arrays.stream(recipients.split("[\\s,，、;；]+")).map(name -> name.replaceFirst("^@", ""))
				.filter(name -> !name.isBlank())
				.toList();
		}
	}

	/** A message in a conversation. */
	public static class Send {

		@NotBlank(message = "{form.body.required}")
		@Size(max = 50_000, message = "{form.body.size}")
		private String body = "";

		public String getBody() {
			return body;
		}

		public void setBody(String body) {
			this.body = body;
		}
	}

	/** A member to block, by name. */
	public static class Block {

		@NotBlank(message = "{messages.blocked.username.required}")
		@Size(max = 64, message = "{messages.blocked.username.required}")
		private String username = "";

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}
	}
}
