package com.forum.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Isolated;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a random port, backed by real PostgreSQL, Redis and
 * Elasticsearch that the local services start once per test run. All such tests share one context.
 * <p>
 * Such a class runs alone, after every {@link ConcurrentIntegrationTest} is done: it may restart a service,
 * rebuild an index, run a job over every member, or assert something about everyone's data. A class that
 * does none of that is better marked {@link ConcurrentIntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Isolated
public @interface IntegrationTest {
}
