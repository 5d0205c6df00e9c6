package com.forum.web.images;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses the image proxy may connect to: public unicast ones only. Loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata services,
 * fe80::/10), carrier-grade NAT, multicast, reserved and documentation ranges are refused, and so are
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4), judged by the address they carry.
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		if (address instanceof Inet4Address v4) {
			return isPublicV4(v4.getAddress());
		}
		if (address instanceof Inet6Address v6) {
			return isPublicV6(v6.getAddress());
		}
		return false;
	}

	private static boolean isPublicV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		int b2 = a[2] & 0xff;
		return !(b0 == 0 // "this" network
				|| b0 == 10 // private
				|| b0 == 127 // loopback
				|| (b0 == 100 && b1 >= 64 && b1 <= 127) // carrier-grade NAT
				|| (b0 == 169 && b1 == 254) // link-local, cloud metadata
				|| (b0 == 172 && b1 >= 16 && b1 <= 31) // private
				|| (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, documentation
				|| (b0 == 192 && b1 == 88 && b2 == 99) // 6to4 relay anycast
				|| (b0 == 192 && b1 == 168) // private
				|| (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
				|| (b0 == 198 && b1 == 51 && b2 == 100) // documentation
				|| (b0 == 203 && b1 == 0 && b2 == 113) // documentation
				|| b0 >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicV6(byte[] a) {
		int first = a[0] & 0xff;
		boolean zeroPrefix96 = Arrays.equals(Arrays.copyOf(a, 12), new byte[12]);
		if (zeroPrefix96) {
			// :: and ::1, or an IPv4-compatible address
			return isPublicV4(Arrays.copyOfRange(a, 12, 16)) && !(a[12] == 0 && a[13] == 0 && a[14] == 0);
		}
		if (isMapped(a)) {
			return isPublicV4(Arrays.copyOfRange(a, 12, 16));
		}
		if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
			// NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48) reach the IPv4 address they carry
			return isPublicV4(Arrays.copyOfRange(a, 12, 16));
		}
		if (first == 0x20 && (a[1] & 0xff) == 0x02) {
			// 6to4 2002::/16 carries an IPv4 address in bits 16-47
			return isPublicV4(Arrays.copyOfRange(a, 2, 6));
		}
		if (first == 0x20 && (a[1] & 0xff) == 0x01 && a[2] == 0 && a[3] == 0) {
			// Teredo 2001::/32 tunnels to addresses it hides
			return false;
		}
		if (first == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
			return false; // documentation 2001:db8::/32
		}
		return (first & 0xe0) == 0x20; // global unicast 2000::/3; everything else (ULA, link-local, multicast) refused
	}

	private static boolean isMapped(byte[] a) {
		for (int i = 0; i < 10; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
	}
}
