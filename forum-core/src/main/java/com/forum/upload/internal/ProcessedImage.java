package com.forum.upload.internal;

/** One file an upload stores: its key, encoded bytes and what the app made of them. */
public record ProcessedImage(String key, byte[] encoded, String contentType, String extension, int width, int height) {
}
