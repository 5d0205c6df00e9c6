package com.forum.shared.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EventDeliveryPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void theWaitBetweenRetriesDoublesUpToTheLimit() {
		runner.withPropertyValues("forum.events.initial-backoff=2s", "forum.events.max-backoff=10m").run(context -> {
			EventDeliveryProperties properties = context.getBean(EventDeliveryProperties.class);
			assertThat(properties.backoff(0)).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(4));
			assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(64));
			assertThat(properties.backoff(9)).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.backoff(500)).isEqualTo(Duration.ofMinutes(10));
		});
	}

	@Test
	void theDefaultsRetryTwentyTimesOverHours() {
		runner.run(context -> {
			EventDeliveryProperties properties = context.getBean(EventDeliveryProperties.class);
			Duration total = Duration.ZERO;
			for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
				total = total.plus(properties.backoff(attempt));
			}
			assertThat(properties.maxAttempts()).isEqualTo(20);
			assertThat(total).isBetween(Duration.ofHours(2), Duration.ofHours(3));
		});
	}

	@Test
	void aBadValueStopsStartUpNamingTheProperty() {
		runner.withPropertyValues("forum.events.max-attempts=0").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxAttempts");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EventDeliveryProperties.class)
	static class Settings {
	}
}
