package com.forum.web.images;

/** The image type bytes are, by their first bytes, whatever the sender claims. */
final class ImageTypes {

	private ImageTypes() {
	}

	static String recognise(byte[] b) {
		if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
			return "image/png";
		}
		if (starts(b, 0, 0xff, 0xd8, 0xff)) {
			return "image/jpeg";
		}
		if (starts(b, 0, 'G', 'I', 'F', '8')) {
			return "image/gif";
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
			return "image/webp";
		}
		if (starts(b, 4, 'f', 't', 'y', 'p', 'a', 'v', 'i')) {
			return "image/avif";
		}
		return null;
	}

	private static boolean starts(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xff) != expected[i]) {
				return false;
			}
		}
		return true;
	}
}
