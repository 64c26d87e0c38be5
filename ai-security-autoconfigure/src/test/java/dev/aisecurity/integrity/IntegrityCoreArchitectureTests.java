package dev.aisecurity.integrity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The verification core and its command-line tool need nothing but the JDK, so that
 * {@code java -cp ai-security-autoconfigure.jar ...ModelManifestTool} works on its own.
 */
class IntegrityCoreArchitectureTests {

	@Test
	void integrityCoreDependsOnlyOnTheJdk() {
		JavaClasses imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.aisecurity.integrity");
		classes().that()
			.resideInAPackage("dev.aisecurity.integrity..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.aisecurity.integrity..", "dev.aisecurity.json..", "java..", "javax.crypto..")
			.because("the verification core runs from the command line without Spring or other jars")
			.check(imported);
	}

}
