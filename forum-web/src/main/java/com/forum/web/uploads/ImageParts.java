package com.forum.web.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.forum.shared.InvalidInputException;

import org.springframework.web.multipart.MultipartFile;

/** The bytes of a form's file field, whatever the browser claimed about them. */
public final class ImageParts {

	private ImageParts() {
	}

	/** Whether the member chose a file at all (a form sent without one has an empty part or none). */
	public static boolean chosen(MultipartFile file) {
		return file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()));
	}

	/** The file's name as the member's computer called it, for the words of an image's text only. */
	public static String name(MultipartFile file) {
		return file == null ? null : file.getOriginalFilename();
	}

	/** The file's bytes; refused when no file was sent. Its name and declared type are not believed. */
	public static byte[] bytes(MultipartFile file) {
		if (!chosen(file)) {
			throw new InvalidInputException("file", "image-required", "must be an image file");
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The upload could not be read", ex);
		}
	}
}
