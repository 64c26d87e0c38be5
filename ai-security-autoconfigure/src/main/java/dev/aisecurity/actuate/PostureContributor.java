package dev.aisecurity.actuate;

import java.util.List;

/**
 * Adds controls to the posture report: a guard that the core checklist does not know (RAG
 * and tool guards, for example) describes itself. Define beans of this type;
 * {@link PostureEvaluator} appends their controls in order. Evidence follows the same
 * rule as the built-in controls: bean and property names, never a value other than
 * booleans and enum-like switches.
 */
@FunctionalInterface
public interface PostureContributor {

	/**
	 * The controls, evaluated now.
	 * @return the controls
	 */
	List<PostureControl> controls();

}
