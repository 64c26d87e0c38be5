package dev.aisecurity.autoconfigure.rag;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.ScannerPolicy;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.exfil.ExfiltrationScanner;
import dev.aisecurity.guard.indirect.IndirectInjectionScanner;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.pii.PiiOperator;
import dev.aisecurity.guard.pii.PiiOperators;
import dev.aisecurity.guard.pii.PiiScanner;
import dev.aisecurity.guard.poisoning.DocumentLinkScanner;
import dev.aisecurity.guard.poisoning.RepetitionScanner;
import dev.aisecurity.guard.secrets.SecretScanner;
import dev.aisecurity.guard.text.UnicodeScanner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * Builds {@link DocumentGuard}s from settings and the application's detector beans (the
 * configured PII analyzer, secret rules and prompt-injection scanner with its
 * classifiers), so that documents, retrieved passages and tool results are judged by the
 * same detectors as prompts.
 */
public final class DocumentGuards {

	private DocumentGuards() {
	}

	/**
	 * The application's detector beans, each optional.
	 *
	 * @param prompts the prompt-injection scanner whose signals are fused in
	 * @param secrets the secret scanner
	 * @param analyzer the PII analyzer
	 * @param environment for the PII hash key
	 */
	public record Detectors(ObjectProvider<PromptInjectionScanner> prompts, ObjectProvider<SecretScanner> secrets,
			ObjectProvider<PiiAnalyzer> analyzer, Environment environment) {

	}

	/**
	 * What a document guard checks.
	 *
	 * @param threshold the indirect-injection threshold
	 * @param allowedImageHosts hosts whose images documents may contain
	 * @param repetition whether anomalous repetition poisons
	 * @param removeSecrets whether secrets are removed
	 * @param redactPii whether personal data is rewritten
	 * @param operator how personal data is rewritten
	 * @param removeInjections remove injected sentences instead of poisoning
	 */
	public record Options(double threshold, List<String> allowedImageHosts, boolean repetition, boolean removeSecrets,
			boolean redactPii, PiiOperator.Kind operator, boolean removeInjections) {

		static Options ingestion(RagSecurityProperties properties) {
			RagSecurityProperties.Ingestion ingestion = properties.getIngestion();
			return new Options(properties.getInjectionThreshold(), properties.getAllowedImageHosts(),
					properties.isRepetitionCheck(), ingestion.isRemoveSecrets(), ingestion.isRedactPii(),
					ingestion.getPiiOperator(), false);
		}

		static Options retrieval(RagSecurityProperties properties) {
			RagSecurityProperties.Retrieval retrieval = properties.getRetrieval();
			return new Options(properties.getInjectionThreshold(), properties.getAllowedImageHosts(),
					properties.isRepetitionCheck(), retrieval.isRemoveSecrets(), retrieval.isRedactPii(),
					properties.getIngestion().getPiiOperator(),
					retrieval.getOnInjection() == RagSecurityProperties.OnInjection.REMOVE);
		}

		/**
		 * For tool results: injection and exfiltration images withhold, no repetition
		 * check (results are often lists).
		 */
		public static Options results(boolean removeSecrets, boolean redactPii, PiiOperator.Kind operator) {
			return new Options(IndirectInjectionScanner.DEFAULT_THRESHOLD, List.of(), false, removeSecrets, redactPii,
					operator, false);
		}

	}

	/**
	 * A document guard.
	 * @param options what it checks
	 * @param detectors the application's detectors
	 */
	public static DocumentGuard build(Options options, Detectors detectors) {
		PromptInjectionScanner prompts = detectors.prompts().getIfAvailable(PromptInjectionScanner::new);
		SecretScanner secrets = options.removeSecrets() ? detectors.secrets().getIfAvailable(SecretScanner::new) : null;
		PiiAnalyzer analyzer = options.redactPii() ? detectors.analyzer().getIfAvailable(PiiAnalyzer::defaults) : null;
		String hashKey = detectors.environment().getProperty("ai.security.detectors.pii.hash-key");
		double threshold = options.threshold();
		GuardPipeline.Builder detection = GuardPipeline.builder()
			.direction(Direction.INPUT)
			.scanner(new UnicodeScanner())
			.scanner(new IndirectInjectionScanner(prompts, threshold))
			.scanner(new DocumentLinkScanner(
					ExfiltrationScanner.builder().allowedImageHosts(options.allowedImageHosts()).build()));
		if (options.repetition()) {
			detection.scanner(new RepetitionScanner());
		}
		if (options.removeInjections()) {
			detection.policy(IndirectInjectionScanner.ID, ScannerPolicy.sanitize(threshold));
		}
		GuardPipeline sanitization = null;
		if (secrets != null || analyzer != null) {
			GuardPipeline.Builder builder = GuardPipeline.builder().direction(Direction.INPUT);
			if (secrets != null) {
				builder.scanner(secrets).policy(SecretScanner.ID, ScannerPolicy.sanitize(0.5));
			}
			if (analyzer != null) {
				builder
					.scanner(PiiScanner.builder()
						.analyzer(analyzer)
						.defaultOperator(operator(options.operator(), hashKey))
						.build())
					.policy(PiiScanner.ID, ScannerPolicy.sanitize(PiiScanner.DEFAULT_THRESHOLD));
			}
			sanitization = builder.build();
		}
		return new DocumentGuard(detection.build(), sanitization);
	}

	private static PiiOperator operator(PiiOperator.Kind kind, String hashKey) {
		byte[] key = (hashKey != null && !hashKey.isBlank()) ? hashKey.getBytes(StandardCharsets.UTF_8) : null;
		if (kind == PiiOperator.Kind.HASH && (key == null || key.length < 16)) {
			// fail at start-up rather than pseudonymise with a guessable key
			throw new IllegalStateException(
					"ai.security.rag.ingestion.pii-operator=HASH needs ai.security.detectors.pii.hash-key of at least 16 bytes");
		}
		return PiiOperators.of(kind, 4, key);
	}

}
