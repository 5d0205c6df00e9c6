package com.forum.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The XSS payload corpus of {@code security/xss-payloads.txt}: groups headed {@code ### name | source},
 * comments {@code #-}, one payload a line, {@code XSSID} replaced by the payload's number (so an
 * execution names the payload) and {@code ⏎} by a line break.
 */
record XssPayloads(List<Payload> all, Map<String, List<Payload>> groups, Map<String, String> sources) {

	record Payload(int id, String group, String text) {
	}

	static XssPayloads load() {
		String file;
		try (InputStream in = XssPayloads.class.getResourceAsStream("/security/xss-payloads.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/xss-payloads.txt is missing from the test classpath");
			}
			file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Payload> all = new ArrayList<>();
		Map<String, List<Payload>> groups = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		String group = null;
		for (String line : file.split("\n", -1)) {
			if (line.startsWith("#-") || line.isBlank()) {
				continue;
			}
			if (line.startsWith("### ")) {
				String[] header = line.substring(4).split("\\|", 2);
				group = header[0].strip();
				sources.put(group, header.length > 1 ? header[1].strip() : "");
				groups.put(group, new ArrayList<>());
				continue;
			}
			if (group == null) {
				throw new IllegalStateException("a payload before the first group header: " + line);
			}
			int id = all.size() + 1;
			Payload payload = new Payload(id, group,
					line.replace("XSSID", String.valueOf(id)).replace("⏎", "\n"));
			all.add(payload);
			groups.get(group).add(payload);
		}
		return new XssPayloads(List.copyOf(all), groups, sources);
	}

	List<String> texts() {
		return all.stream().map(Payload::text).toList();
	}

	/** A group's payloads as one Markdown document, a blank line between two. */
	static String document(List<Payload> payloads) {
		return String.join("\n\n", payloads.stream().map(Payload::text).toList());
	}

	/**
	 * The texts packed into as few values of at most {@code max} characters as the order allows, each
	 * starting with {@code prefix}: how a short field (a title, a reason) still receives every payload. A
	 * payload longer than the room left is cut to fit, which the figures count as truncated.
	 */
	static List<String> pack(List<String> texts, String prefix, int max) {
		List<String> packed = new ArrayList<>();
		StringBuilder value = new StringBuilder(prefix);
		int room = max - prefix.length();
		for (String text : texts) {
			String single = text.replace('\n', ' ');
			if (value.length() > prefix.length() && value.length() + 1 + single.length() > max) {
				packed.add(value.toString());
				value = new StringBuilder(prefix);
			}
			if (value.length() > prefix.length()) {
				value.append(' ');
			}
			value.append(single, 0, Math.min(single.length(), room - (value.length() - prefix.length())));
		}
		if (value.length() > prefix.length()) {
			packed.add(value.toString());
		}
		return packed;
	}
}
