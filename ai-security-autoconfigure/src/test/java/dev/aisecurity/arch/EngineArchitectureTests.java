package dev.aisecurity.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection engine is plain Java: usable and testable without Spring, and free of
 * framework upgrades.
 */
class EngineArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.aisecurity");
	}

	@Test
	void engineIsPresent() {
		assertThat(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe("in engine",
				(com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName()
					.startsWith("dev.aisecurity.guard"))))
			.isNotEmpty();
	}

	@Test
	void engineDependsOnNoFramework() {
		noClasses().that()
			.resideInAPackage("dev.aisecurity.guard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "reactor..", "io.micrometer..", "tools.jackson..",
					"com.fasterxml.jackson..", "jakarta.servlet..")
			.because("the detection engine must stay plain Java")
			.check(classes);
	}

	@Test
	void engineDependsOnNoEdge() {
		noClasses().that()
			.resideInAPackage("dev.aisecurity.guard..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.aisecurity.ai..", "dev.aisecurity.web..", "dev.aisecurity.autoconfigure..",
					"dev.aisecurity.ratelimit..", "dev.aisecurity.vault..", "dev.aisecurity.audit..",
					"dev.aisecurity.actuate..", "dev.aisecurity.rag..", "dev.aisecurity.integrity..")
			.because("the edges depend on the engine, never the reverse")
			.check(classes);
	}

}
