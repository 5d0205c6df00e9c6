package com.forum;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledJobsTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ScheduledJobs.class, EveryMinute.class);

	@Test
	void aServingApplicationRunsItsScheduledJobs() {
		contexts.run(context -> assertThat(context).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
	}

	@Test
	void aOneShotCommandRunsNoScheduledJob() {
		contexts.withPropertyValues("forum.command=reindex")
			.run(context -> assertThat(context).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class));
	}

	static class EveryMinute {

		@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60_000)
		void run() {
		}
	}
}
