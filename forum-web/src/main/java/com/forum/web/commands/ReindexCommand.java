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
 * {@code ./forum reindex}: rebuilds the search index from the database, swaps it in, and exits.
 * Searches keep working throughout, since the alias points at a complete index at every moment.
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
			System.out.printf("Rebuilt search index %s: %d threads, %d replies, %d recent changes re-applied, %d ms%n",
					report.index(), report.topics(), report.replies(), report.caughtUp(), report.took().toMillis());
		}
		catch (RuntimeException ex) {
			System.err.println("Reindex failed: " + ex.getMessage());
			exitCode = 1;
		}
		int code = exitCode;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
