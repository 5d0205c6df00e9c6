package com.forum;

import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start while an environment variable that the active profiles need is unset or blank
 * ({@code forum.required-environment}, listed by the prod profile), naming every missing one at once. The
 * profile's placeholders would otherwise be bound as they are ({@code ${FORUM_DB_URL}}), and the node
 * would fail later with an error about a malformed URL, or run with a default that belongs to a laptop.
 */
public class RequiredEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "forum.required-environment";

	@Override
	public int getOrder() {
		// once the application*.yml files of the active profiles have been read
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		check(environment);
	}

	/** Throws, naming each required variable the environment lacks. */
	static void check(Environment environment) {
		List<String> missing = Binder.get(environment)
			.bind(PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.filter(name -> {
				String value = environment.getProperty(name);
				return value == null || value.isBlank();
			})
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("These environment variables must be set for the profiles "
					+ List.of(environment.getActiveProfiles()) + ": " + String.join(", ", missing)
					+ " (see docs/DEPLOYMENT.md, \"Environment\")");
		}
	}
}
