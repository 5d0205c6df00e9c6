package com.forum.upload.internal;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import com.forum.upload.UploadProperties;

/** The files an uploaded image becomes, and their keys. */
public final class UploadImages {

	private UploadImages() {
	}

	public static BufferedImage decode(byte[] bytes, long maxPixels) {
		return ImageCodec.decode(bytes, maxPixels);
	}

	/**
	 * The image within the longest side allowed (first), then each smaller width the configuration asks
	 * for that is narrower than it, largest first.
	 */
	public static List<ProcessedImage> forPost(BufferedImage image, String contentKey, UploadProperties properties) {
		BufferedImage full = ImageCodec.fit(image, properties.longestSide());
		ImageCodec.Encoded encoded = ImageCodec.encode(full);
		List<ProcessedImage> files = new ArrayList<>();
		files.add(file(contentKey + "." + encoded.extension(), encoded));
		properties.widths()
			.stream()
			.filter(width -> width < full.getWidth())
			.sorted((a, b) -> b - a)
			.forEach(width -> {
				ImageCodec.Encoded smaller = ImageCodec.encode(ImageCodec.toWidth(full, width));
				files.add(file(contentKey + "-" + width + "." + smaller.extension(), smaller));
			});
		return files;
	}

	/** The widest file no wider than {@code displayWidth}, else the narrowest. */
	public static ProcessedImage shown(List<ProcessedImage> files, int displayWidth) {
		return files.stream()
			.filter(file -> file.width() <= displayWidth)
			.max((a, b) -> a.width() - b.width())
			.orElseGet(() -> files.stream().min((a, b) -> a.width() - b.width()).orElseThrow());
	}

	/** The square sizes of an avatar, largest first. */
	public static List<ProcessedImage> forAvatar(BufferedImage image, String contentKey, UploadProperties properties) {
		List<ProcessedImage> files = new ArrayList<>();
		properties.avatarSizes().stream().sorted((a, b) -> b - a).forEach(side -> {
			ImageCodec.Encoded encoded = ImageCodec.encode(ImageCodec.square(image, side));
			files.add(file(avatarKey(contentKey, side, encoded.extension()), encoded));
		});
		return files;
	}

	public static String avatarKey(String contentKey, int side, String extension) {
		return contentKey + "-s" + side + "." + extension;
	}

	private static ProcessedImage file(String key, ImageCodec.Encoded encoded) {
		return new ProcessedImage(key, encoded.bytes(), encoded.contentType(), encoded.extension(), encoded.width(),
				encoded.height());
	}
}
