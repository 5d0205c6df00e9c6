package com.forum.localservices;

import com.forum.ForumApplication;

import org.springframework.boot.SpringApplication;

/**
 * What {@code ./forum start} and {@code ./forum reindex} run: the application as deployed, with the
 * {@code local} profile, whose {@code forum.local-services.enabled} has PostgreSQL, Redis and
 * Elasticsearch started next to it. It sits on the test classpath, like the services and their
 * binaries, so that none of them ship in the application jar.
 */
public final class LocalForumApplication {

	private LocalForumApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(ForumApplication::main).withAdditionalProfiles("local").run(args);
	}
}
