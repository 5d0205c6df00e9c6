package com.forum.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An {@link IntegrationTest} (the same application context) that runs beside another such class: the
 * test run's services leave a core idle while one test waits on them, and two classes at a time finish
 * the run minutes sooner.
 * <p>
 * Only for a class that works with data of its own (its own members, boards, threads, petitions,
 * launches, or a marker no one else writes) and asserts nothing about anyone else's: no counts over a
 * shared board or over every member, no leaderboard's top, no waiting for every event to be delivered.
 * It changes nothing another test relies on: no service restarted, no index rebuilt, no setting, clock
 * or job that reaches everyone. Its methods still run one after another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = ConcurrentIntegrationTest.OneMethodAtATime.class)
public @interface ConcurrentIntegrationTest {

	/**
	 * A lock of the class's own, held for the whole class: JUnit runs the methods of a class that holds a
	 * lock one after another, where a class marked concurrent would otherwise have them run at once too.
	 */
	final class OneMethodAtATime implements ResourceLocksProvider {

		@Override
		public Set<Lock> provideForClass(Class<?> testClass) {
			return Set.of(new Lock("test-class:" + testClass.getName()));
		}
	}
}
