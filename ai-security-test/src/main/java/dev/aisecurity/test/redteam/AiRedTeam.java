package dev.aisecurity.test.redteam;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers the {@link RedTeamExtension} on a test class: {@link RedTeam} parameters are
 * resolved, and the class's report is written after all its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RedTeamExtension.class)
public @interface AiRedTeam {

	/**
	 * Base name of the report files ({@code <report>.json} and {@code <report>.html}).
	 */
	String report() default "report";

	/**
	 * Directory of the reports, relative to the working directory (the module's, under
	 * Maven and Gradle). The system property
	 * {@value RedTeamExtension#REPORT_DIR_PROPERTY} overrides it.
	 */
	String directory() default "target/ai-redteam";

	/**
	 * Whether the class fails when an attack leaked or failed, even when the attacks ran
	 * in a way that did not fail individual tests (with {@link RedTeam#run()} and no
	 * assertion).
	 */
	boolean failOnLeak() default true;

}
