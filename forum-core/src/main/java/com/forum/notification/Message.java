package com.forum.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Words of a notification: a message key with its arguments, rendered in each reader's language, or
 * content a person wrote (an official response), shown as written.
 *
 * @param key the bundle key, or null for content
 * @param arguments the key's arguments (titles and versions as people wrote them), or the content
 */
public record Message(String key, String... arguments) {

	public Message {
		arguments = arguments.clone();
	}

	public static Message content(String text) {
		return new Message(null, text);
	}

	public String render(MessageSource messages, Locale language) {
		return key == null ? arguments[0] : messages.getMessage(key, arguments, language);
	}

	@Override
	public String[] arguments() {
		return arguments.clone();
	}
}
