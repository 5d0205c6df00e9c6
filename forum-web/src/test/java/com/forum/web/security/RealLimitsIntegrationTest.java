package com.forum.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with the rate limits of {@code config/security.yml} (the test profile raises them
 * for every other test), behind a trusted proxy at 127.0.0.1: a test plays clients at many addresses by
 * sending {@code X-Forwarded-For} from 127.0.0.1, and an untrusted client by connecting from 127.0.0.2.
 * A context of its own, closed after the class, so its limits never reach other tests; and it runs alone,
 * as its floods from 127.0.0.1 fill the buckets in the Redis that every context shares.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "forum.security.client-address.trusted-proxies=127.0.0.1")
@ActiveProfiles({ "test", "real-limits" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Isolated
@interface RealLimitsIntegrationTest {
}
