package com.forum.upload;

import java.util.Map;

/**
 * A member's avatar.
 *
 * @param base the key all its sizes are named after
 * @param urls where each size is served, by its width in pixels
 */
public record Avatar(String base, Map<Integer, String> urls) {

	/** The smallest size at least {@code pixels} wide, else the largest. */
	public String url(int pixels) {
		return urls.entrySet()
			.stream()
			.filter(size -> size.getKey() >= pixels)
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseGet(() -> urls.values().stream().reduce((first, second) -> second).orElseThrow());
	}
}
