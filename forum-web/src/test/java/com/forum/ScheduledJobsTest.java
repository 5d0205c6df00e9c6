package com.forum;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
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

	/** A library's auto-configuration that enabled scheduling would run the jobs in the commands again. */
	@Test
	void noAutoConfigurationSwitchesTheSchedulerOnBehindItsBack() {
		List<String> enabling = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter(name -> {
				try {
					return AnnotatedElementUtils.hasAnnotation(Class.forName(name, false, getClass().getClassLoader()),
							EnableScheduling.class);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					return false;
				}
			})
			.toList();
		assertThat(enabling).isEmpty();
	}

	static class EveryMinute {

		@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 60_000)
		void run() {
		}
	}
}
