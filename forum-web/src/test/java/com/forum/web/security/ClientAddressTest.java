package com.forum.web.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address the limits count: a forwarded header only counts when a trusted proxy sent it. */
class ClientAddressTest {

	@Test
	void withNoTrustedProxyTheHeaderChangesNothing() {
		ClientAddress addresses = new ClientAddress(properties(List.of()));

		assertThat(addresses.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void aTrustedProxyNamesTheClientAndWhatTheClientWroteBeforeItIsIgnored() {
		ClientAddress addresses = new ClientAddress(properties(List.of("10.0.0.0/8", "192.0.2.1")));

		// the client forged "1.2.3.4"; the edge proxy 192.0.2.1 appended the real 198.51.100.9, then 10.1.1.1
		assertThat(addresses.of(request("10.1.1.1", "1.2.3.4, 198.51.100.9, 192.0.2.1"))).isEqualTo("198.51.100.9");
		assertThat(addresses.of(request("10.1.1.1", null))).isEqualTo("10.1.1.1");
		// a hop that is not an address ends what can be vouched for
		assertThat(addresses.of(request("10.1.1.1", "198.51.100.9, example.com"))).isEqualTo("10.1.1.1");
		// an untrusted connection is the client whatever it says
		assertThat(addresses.of(request("203.0.113.7", "198.51.100.9"))).isEqualTo("203.0.113.7");
	}

	@Test
	void anIpv6ClientIsCountedByItsSlash64() {
		ClientAddress addresses = new ClientAddress(properties(List.of()));

		assertThat(addresses.of(request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null)))
			.isEqualTo(addresses.of(request("2001:db8:1:2::1", null)))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	static SecurityProperties properties(List<String> trustedProxies) {
		return new SecurityProperties(new SecurityProperties.ClientAddressProperties(trustedProxies, "X-Forwarded-For"),
				null, null, org.springframework.util.unit.DataSize.ofKilobytes(256), java.time.Duration.ofMillis(300),
				org.springframework.util.unit.DataSize.ofMegabytes(6));
	}
}
