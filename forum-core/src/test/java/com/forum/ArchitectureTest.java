package com.forum;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The feature boundaries of forum-core: no cycles, and each feature's internals stay its own. */
class ArchitectureTest {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.forum");

	@Test
	void featuresDoNotDependOnEachOtherInCircles() {
		slices().matching("com.forum.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void aFeaturesInternalPackageIsUsedOnlyByThatFeature() {
		for (String feature : new String[] { "shared", "member", "board", "discussion", "petition", "notification" }) {
			noClasses().that()
				.resideOutsideOfPackage("com.forum." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage("com.forum." + feature + ".internal..")
				.allowEmptyShould(true)
				.check(CORE);
		}
	}

	@Test
	void theDomainKnowsNothingOfTheWebOrOfElasticsearch() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "co.elastic..", "org.thymeleaf..")
			.check(CORE);
	}
}
