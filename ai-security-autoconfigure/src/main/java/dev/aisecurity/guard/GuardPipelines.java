package dev.aisecurity.guard;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.secrets.SecretScanner;
import dev.aisecurity.guard.text.FormatScanner;
import dev.aisecurity.guard.text.SizeScanner;
import dev.aisecurity.guard.text.UnicodeScanner;

/**
 * The built-in scanners with their default settings, in the order they run. The Spring
 * auto-configuration builds the same pipelines from properties; the evaluation and
 * benchmarks use these so their figures describe the defaults a user gets.
 */
public final class GuardPipelines {

	private GuardPipelines() {
	}

	/**
	 * The built-in input scanners with default settings, cheapest first.
	 */
	public static List<Scanner> defaultInputScanners() {
		List<Scanner> scanners = new ArrayList<>();
		// Each built-in input scanner adds itself here, one line each, cheapest first.
		scanners.add(new UnicodeScanner());
		scanners.add(new SizeScanner());
		scanners.add(new FormatScanner());
		scanners.add(new SecretScanner());
		scanners.add(new dev.aisecurity.guard.injection.PromptInjectionScanner());
		scanners.add(dev.aisecurity.guard.pii.PiiScanner.withDefaults());
		return scanners;
	}

	/**
	 * The built-in output scanners with default settings.
	 */
	public static List<Scanner> defaultOutputScanners() {
		List<Scanner> scanners = new ArrayList<>();
		// Each built-in output scanner adds itself here, one line each.
		scanners.add(new UnicodeScanner());
		scanners.add(new SecretScanner());
		scanners.add(new dev.aisecurity.guard.leak.SystemPromptLeakScanner());
		scanners.add(new dev.aisecurity.guard.exfil.ExfiltrationScanner());
		scanners.add(new dev.aisecurity.guard.moderation.ModerationScanner());
		scanners.add(dev.aisecurity.guard.pii.PiiScanner.withDefaults());
		return scanners;
	}

	public static GuardPipeline defaultInput() {
		return GuardPipeline.builder().direction(Direction.INPUT).scanners(defaultInputScanners()).build();
	}

	public static GuardPipeline defaultOutput() {
		return GuardPipeline.builder().direction(Direction.OUTPUT).scanners(defaultOutputScanners()).build();
	}

}
