package com.forum.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.forum.web.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer asks of each node: whether it lives and whether it can serve. Anyone may ask,
 * the answers say UP or DOWN and nothing about the node's insides, and the rest of the actuator stays shut.
 */
@IntegrationTest
class HealthEndpointsIntegrationTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void livenessAndReadinessAnswerAnyoneWithAStatusOnly() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> answer = get(path, "GET");
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
			assertThat(answer.headers().firstValue("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void aBalancerPollingOftenIsNeverRateLimited() throws Exception {
		for (int i = 0; i < 300; i++) {
			assertThat(get("/actuator/health/readiness", "GET").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void everyOtherActuatorAddressIsShut() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/health/db", "/actuator/metrics" }) {
			assertThat(get(path, "GET").statusCode()).as(path).isIn(401, 403, 404);
		}
		assertThat(get("/actuator/health", "POST").statusCode()).isIn(401, 403, 405);
	}

	private HttpResponse<String> get(String path, String method) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
