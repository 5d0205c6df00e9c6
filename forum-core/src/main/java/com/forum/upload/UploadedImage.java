package com.forum.upload;

/**
 * An image stored for a post.
 *
 * @param key the key of the copy a post shows
 * @param url where the app serves that copy
 * @param markdown the Markdown that shows it in a post
 * @param width the shown copy's width
 * @param height the shown copy's height
 */
public record UploadedImage(String key, String url, String markdown, int width, int height) {
}
