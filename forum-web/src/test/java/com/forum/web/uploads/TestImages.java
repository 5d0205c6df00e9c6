package com.forum.web.uploads;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made in the test with ImageIO, and the crafted ones the uploads must refuse. */
final class TestImages {

	private TestImages() {
	}

	/** A picture of the given size, in the given format ("png" keeps transparency, "jpg" has none). */
	static byte[] picture(int width, int height, String format, boolean transparent) {
		BufferedImage image = new BufferedImage(width, height,
				transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(255, 80, 0, transparent ? 128 : 255), width, height,
				new Color(0, 120, 255, 255)));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A small PNG whose header claims {@code width} x {@code height}: a decompression bomb's header. */
	static byte[] pngClaiming(int width, int height) {
		byte[] png = picture(4, 4, "png", false);
		// IHDR's data begins at byte 16 (8 signature, 4 length, 4 type); its CRC covers type and data
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		return png;
	}

	/**
	 * A JPEG carrying an EXIF segment (APP1) with a GPS position: a TIFF header, IFD0 pointing at a GPS IFD
	 * that holds GPSLatitudeRef "N" and a latitude, as a phone writes them.
	 */
	static byte[] jpegWithGps() {
		byte[] jpeg = picture(640, 480, "jpg", false);
		ByteBuffer tiff = ByteBuffer.allocate(80);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		// IFD0: one entry, GPSInfo (0x8825) pointing at offset 26
		tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		// GPS IFD: GPSLatitudeRef (1) = "N", GPSLatitude (2) = three rationals at offset 56
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
		tiff.putInt(0);
		tiff.putInt(39).putInt(1).putInt(54).putInt(1).putInt(2712).putInt(100);
		byte[] exif = new byte[6 + tiff.position()];
		System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
		System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xff);
		out.write(0xe1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xff);
		out.write(exif, 0, exif.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** Whether a JPEG has an APP1 segment (EXIF or XMP) among those before its image data. */
	static boolean hasApp1(byte[] jpeg) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
			int marker = jpeg[at + 1] & 0xff;
			if (marker == 0xe1) {
				return true;
			}
			if (marker == 0xda) {
				return false;
			}
			at += 2 + (((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff));
		}
		return false;
	}
}
