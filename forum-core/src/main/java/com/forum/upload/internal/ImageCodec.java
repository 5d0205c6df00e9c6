package com.forum.upload.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.forum.shared.InvalidInputException;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/**
 * Reads an image by what its bytes are and writes it anew. ImageIO picks the reader by the first bytes
 * (never by the name or the declared type); the size in the header is checked before any pixel is
 * decoded. Writing only the pixels again leaves every metadata block of the original behind: EXIF (with
 * its GPS position), XMP, comments, and whatever a crafted file hid in them.
 */
final class ImageCodec {

	/** The formats taken, as ImageIO's readers name them (WebP through TwelveMonkeys' reader). */
	private static final Set<String> ACCEPTED = Set.of("jpeg", "png", "gif", "webp");

	private static final float JPEG_QUALITY = 0.85f;

	static {
		// decoding works in memory: no temporary files for every upload
		ImageIO.setUseCache(false);
	}

	private ImageCodec() {
	}

	/** An encoded image: its bytes and the type and extension the app gives them. */
	record Encoded(byte[] bytes, String contentType, String extension, int width, int height) {
	}

	static BufferedImage decode(byte[] bytes, long maxPixels) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			ImageReader reader = readers == null || !readers.hasNext() ? null : readers.next();
			if (reader == null || !ACCEPTED.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
				throw notAnImage();
			}
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > maxPixels) {
					throw new InvalidInputException("file", "image-pixels", "must have at most %d pixels".formatted(maxPixels),
							maxPixels);
				}
				BufferedImage image = reader.read(0);
				if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
					throw notAnImage();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException refusal) {
				throw refusal;
			}
			// a truncated or malformed file, whatever the reader threw for it
			throw notAnImage();
		}
	}

	/** The image scaled down so its longest side is at most {@code longestSide}; never scaled up. */
	static BufferedImage fit(BufferedImage image, int longestSide) {
		if (Math.max(image.getWidth(), image.getHeight()) <= longestSide) {
			return image;
		}
		return resize(image, longestSide, longestSide);
	}

	/** The image scaled down to {@code width}, keeping its proportions. */
	static BufferedImage toWidth(BufferedImage image, int width) {
		int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
		return resize(image, width, height);
	}

	/** The largest square in the middle of the image, scaled to {@code side}. */
	static BufferedImage square(BufferedImage image, int side) {
		int crop = Math.min(image.getWidth(), image.getHeight());
		try {
			return Thumbnails.of(image).sourceRegion(Positions.CENTER, crop, crop).forceSize(side, side).asBufferedImage();
		}
		catch (IOException ex) {
			throw new IllegalStateException("scaling in memory does no I/O", ex);
		}
	}

	private static BufferedImage resize(BufferedImage image, int width, int height) {
		try {
			return Thumbnails.of(image).size(width, height).keepAspectRatio(true).asBufferedImage();
		}
		catch (IOException ex) {
			throw new IllegalStateException("scaling in memory does no I/O", ex);
		}
	}

	/** PNG for an image with transparency, which JPEG cannot keep; JPEG otherwise. */
	static Encoded encode(BufferedImage image) {
		boolean transparent = image.getColorModel().hasAlpha();
		try {
			if (transparent) {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(image, "png", out);
				return new Encoded(out.toByteArray(), "image/png", "png", image.getWidth(), image.getHeight());
			}
			return new Encoded(jpeg(opaque(image)), "image/jpeg", "jpg", image.getWidth(), image.getHeight());
		}
		catch (IOException ex) {
			throw new IllegalStateException("encoding in memory does no I/O", ex);
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(JPEG_QUALITY);
			// no metadata passed: the writer writes its own JFIF header and nothing of the original
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** The pixels in plain RGB, which every JPEG reader understands (not CMYK, not indexed). */
	private static BufferedImage opaque(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static InvalidInputException notAnImage() {
		return new InvalidInputException("file", "image-type", "must be a JPEG, PNG, GIF or WebP image");
	}
}
