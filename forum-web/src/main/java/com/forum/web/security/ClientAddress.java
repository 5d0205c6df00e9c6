package com.forum.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The one place that says which client address a request is counted against, for every limit.
 * <p>
 * The connection's own address counts, unless it is one of the configured trusted proxies: then the
 * proxy's header ({@code X-Forwarded-For}) is read from the right, skipping further trusted proxies, and
 * the first address no trusted proxy vouches for is the client. A header sent by anyone else, or the
 * left part of the header that the client itself wrote, changes nothing. No proxy is trusted by default.
 * <p>
 * An IPv6 client is counted by its /64 network: one subscriber usually holds a whole /64 and could
 * otherwise take a fresh address for every request.
 */
@Component
public class ClientAddress {

	/** Only address literals are parsed, so reading a header never starts a DNS look-up. */
	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

	private final List<Range> trusted;

	private final String header;

	ClientAddress(SecurityProperties properties) {
		this.trusted = properties.clientAddress().trustedProxies().stream().map(Range::parse).toList();
		this.header = properties.clientAddress().header();
	}

	/** The client's address as limits count it: IPv4 as is, IPv6 as its /64 ({@code 2001:db8:1:2::/64}). */
	public String of(HttpServletRequest request) {
		InetAddress peer = parse(request.getRemoteAddr()).orElse(null);
		if (peer == null) {
			return String.valueOf(request.getRemoteAddr());
		}
		InetAddress client = peer;
		if (isTrusted(peer)) {
			List<String> forwarded = request.getHeaders(header) == null ? List.of()
					: java.util.Collections.list(request.getHeaders(header));
			String[] hops = String.join(",", forwarded).split(",");
			for (int i = hops.length - 1; i >= 0; i--) {
				Optional<InetAddress> hop = parse(hops[i].strip());
				if (hop.isEmpty()) {
					// a hop that is not an address: nothing left of it can be vouched for
					break;
				}
				client = hop.get();
				if (!isTrusted(client)) {
					break;
				}
			}
		}
		return counted(client);
	}

	private boolean isTrusted(InetAddress address) {
		return trusted.stream().anyMatch(range -> range.contains(address));
	}

	private static String counted(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] network = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(network, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			catch (UnknownHostException impossible) {
				throw new IllegalStateException(impossible);
			}
		}
		return address.getHostAddress();
	}

	static Optional<InetAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (!LITERAL.matcher(literal).matches() || !(literal.contains(":") || literal.chars().filter(c -> c == '.').count() == 3)) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(literal));
		}
		catch (UnknownHostException notAnAddress) {
			return Optional.empty();
		}
	}

	/** An address or a range of addresses ({@code 10.0.0.0/8}, {@code fd00::/8}). */
	record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			int slash = text.indexOf('/');
			InetAddress address = ClientAddress.parse(slash < 0 ? text.strip() : text.substring(0, slash).strip())
				.orElseThrow(() -> new IllegalArgumentException(
						"a trusted proxy is an address or a range such as 10.0.0.0/8, not \"" + text + "\""));
			int bits = address.getAddress().length * 8;
			int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1).strip());
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("the range \"" + text + "\" has no such prefix length");
			}
			return new Range(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
