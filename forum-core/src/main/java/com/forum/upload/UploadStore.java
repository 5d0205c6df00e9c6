package com.forum.upload;

import java.util.Optional;

/**
 * Where uploaded files are kept, by key. Keys are made from the content, so putting a key again puts
 * the same bytes and a reader may cache what it got forever.
 */
public interface UploadStore {

	void put(String key, byte[] bytes, String contentType);

	Optional<StoredFile> get(String key);

	void delete(String key);

	/** A kept file and the content type the app gave it when it was stored. */
	record StoredFile(byte[] bytes, String contentType) {
	}
}
