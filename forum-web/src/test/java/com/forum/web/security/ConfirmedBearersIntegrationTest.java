package com.forum.web.security;

import com.forum.member.AccessTokens;
import com.forum.member.TokenBearer;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token says whether its member had confirmed their address, so that their writes need no
 * look-up of the account's state; an outdated "not confirmed" (the token cached before the member
 * confirmed) still lets the account decide.
 */
@IntegrationTest
class ConfirmedBearersIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	AccessTokens tokens;

	@Test
	void aTokenCachedBeforeItsMemberConfirmedStillLetsThemWriteOnceTheyHave() {
		ApiClient api = new ApiClient(port);
		Member newcomer = api.newUnconfirmedMember("bearer");

		assertThat(tokens.bearer(newcomer.token()).map(TokenBearer::emailConfirmed)).contains(false);
		assertThat(api.post("/api/v1/members/me/check-ins", null, newcomer.token()).status()).isEqualTo(403);

		api.confirm(newcomer);

		assertThat(api.post("/api/v1/members/me/check-ins", null, newcomer.token()).status()).isBetween(200, 299);
		assertThat(tokens.bearer(api.newMember("confirmed").token()).map(TokenBearer::emailConfirmed)).contains(true);
	}
}
