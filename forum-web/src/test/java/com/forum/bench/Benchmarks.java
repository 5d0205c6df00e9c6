package com.forum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.forum.ForumApplication;

/** What every {@code ./forum bench-*} command does around its measurement. */
final class Benchmarks {

	private Benchmarks() {
	}

	/**
	 * Starts the application on throwaway services (fresh PostgreSQL, Redis and Elasticsearch, deleted
	 * at exit), so that a benchmark never writes into the data of {@code ./forum start}, and without
	 * demo content: nothing but what is measured.
	 */
	static ConfigurableApplicationContext start(List<String> arguments, Class<?>... configurations) {
		List<String> all = new ArrayList<>(arguments);
		all.addAll(List.of("--forum.local-services.ephemeral=true", "--forum.demo-data.enabled=false"));
		return SpringApplication.from(ForumApplication::main)
			.with(configurations)
			.withAdditionalProfiles("local")
			.run(all.toArray(String[]::new))
			.getApplicationContext();
	}

	/** Runs the benchmark and exits: 0 when its checks passed, 1 when they did not, 2 when it failed. */
	static void runAndExit(ConfigurableApplicationContext context, Callable<Boolean> benchmark) {
		int exit;
		try {
			exit = benchmark.call() ? 0 : 1;
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 2;
		}
		int code = exit;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
