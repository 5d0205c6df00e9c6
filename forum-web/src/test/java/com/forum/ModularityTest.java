package com.forum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature boundaries across all three Maven modules: each direct sub-package of
 * {@code com.forum} is a module, its base package is its API and everything below is private to it,
 * and no two modules depend on each other in a circle.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(ForumApplication.class);

	@Test
	void modulesRespectEachOthersBoundariesAndFormNoCycles() {
		MODULES.verify();
	}

	@Test
	void everyFeatureOfEveryMavenModuleIsAnApplicationModule() {
		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
			.contains("member", "board", "discussion", "petition", "notification", "shared", "search", "web",
				"satisfaction");
	}

	/**
	 * Writes the module canvas and diagrams into docs/modules, so they follow the code: {@code ./forum docs}
	 * runs it (it checks nothing, and every run rewrote the files in another order, so {@code ./forum test}
	 * leaves it out).
	 */
	@Test
	@EnabledIfEnvironmentVariable(named = "FORUM_MODULE_DOCS", matches = "1")
	void documentsTheModules() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeDocumentation();
	}
}
