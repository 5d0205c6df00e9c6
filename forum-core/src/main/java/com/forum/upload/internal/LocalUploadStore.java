package com.forum.upload.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.forum.upload.UploadStore;

/**
 * Uploads kept as files of a directory, each with its content type in a file beside it. A file is
 * written under a temporary name and moved into place, so a reader never sees half of one.
 */
public class LocalUploadStore implements UploadStore {

	private static final String TYPE_SUFFIX = ".type";

	private final Path directory;

	public LocalUploadStore(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the uploads directory " + this.directory, ex);
		}
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		Path file = file(key);
		try {
			write(file.resolveSibling(file.getFileName() + TYPE_SUFFIX), contentType.getBytes(StandardCharsets.US_ASCII));
			write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store upload " + key, ex);
		}
	}

	@Override
	public Optional<StoredFile> get(String key) {
		Path file = file(key);
		try {
			String type = Files.readString(file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
			return Optional.of(new StoredFile(Files.readAllBytes(file), type));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read upload " + key, ex);
		}
	}

	@Override
	public void delete(String key) {
		Path file = file(key);
		try {
			Files.deleteIfExists(file);
			Files.deleteIfExists(file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete upload " + key, ex);
		}
	}

	private Path file(String key) {
		Path file = directory.resolve(key).normalize();
		if (!file.getParent().equals(directory)) {
			throw new IllegalArgumentException("Not an upload key: " + key);
		}
		return file;
	}

	private static void write(Path file, byte[] bytes) throws IOException {
		Path partial = Files.createTempFile(file.getParent(), ".partial-", ".tmp");
		try {
			Files.write(partial, bytes);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}
}
