package com.forum.shared;

import java.util.Optional;

/**
 * Where a page loads an image of user content from. An image whose source is refused is shown as its
 * text instead, so user content can never make a reader's browser call an address of the poster's
 * choosing, nor one of the app's own.
 */
@FunctionalInterface
public interface ImageSources {

	/** The address the page loads the image from, or empty to show its text. */
	Optional<String> sourceFor(String destination);

	/** Whether posts may show images at all; when not, a post with an image is refused. */
	default boolean acceptsImages() {
		return true;
	}

	/** Shows every image as its text. */
	static ImageSources none() {
		return destination -> Optional.empty();
	}
}
