package com.forum.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the file the application appends mail to when no SMTP server is configured: one entry per
 * message sent, so counting equal entries tells how often a message really went out.
 */
final class MailSinkFile {

	/** Each entry starts with a "--- <instant>" line; what follows is the message. */
	private static final Pattern ENTRY_START = Pattern.compile("(?m)^--- \\S+\\n");

	private MailSinkFile() {
	}

	/** How often each message (as {@link #message} renders it) was sent. */
	static Map<String, Long> sentCounts(Path file) {
		if (!Files.exists(file)) {
			return Map.of();
		}
		try {
			String content = Files.readString(file, StandardCharsets.UTF_8);
			return ENTRY_START.splitAsStream(content)
				.filter(entry -> !entry.isEmpty())
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A message as the sink writes it, from its outgoing_email row. */
	static String message(String address, String subject, String body) {
		return "To: " + address + "\nSubject: " + subject + "\n\n" + body + "\n\n";
	}
}
