package com.forum.web.commands;

import com.forum.search.ReindexReport;
import com.forum.search.Reindexer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./forum reindex}: rebuilds the search indexes (posts, petitions) from the database, swaps
 * them in, and exits. Searches keep working throughout, since each alias points at a complete index
 * at every moment, and changes made meanwhile on any node reach the new indexes as well.
 */
@Component
@ConditionalOnProperty(name = "forum.command", havingValue = "reindex")
class ReindexCommand implements ApplicationRunner {

	private final Reindexer reindexer;

	private final ConfigurableApplicationContext context;

	ReindexCommand(Reindexer reindexer, ConfigurableApplicationContext context) {
		this.reindexer = reindexer;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int exitCode = 0;
		try {
			ReindexReport report = reindexer.rebuild();
			System.out.printf(
					"Rebuilt the search indexes in %d ms: %s with %d threads and %d replies, %s with %d petitions, %s with %d members%n",
					report.took().toMillis(), report.postsIndex(), report.topics(), report.replies(),
					report.petitionsIndex(), report.petitions(), report.membersIndex(), report.members());
		}
		catch (RuntimeException ex) {
			System.err.println("Reindex failed: " + ex.getMessage());
			exitCode = 1;
		}
		int code = exitCode;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
