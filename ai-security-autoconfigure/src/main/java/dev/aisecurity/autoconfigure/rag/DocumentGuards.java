package dev.aisecurity.autoconfigure.rag;

import java.nio.charset.StandardCharsets;

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
 * Builds {@link DocumentGuard}s from {@link RagSecurityProperties} and the application's
 * detector beans (the configured PII analyzer, secret rules and prompt-injection scanner
 * with its classifiers), so documents are judged by the same detectors as prompts.
 */
final class DocumentGuards {

	private DocumentGuards() {
	}

	/**
	 * The application's detector beans, each optional.
	 */
	record Detectors(ObjectProvider<PromptInjectionScanner> prompts, ObjectProvider<SecretScanner> secrets,
			ObjectProvider<PiiAnalyzer> analyzer, Environment environment) {

	}

	/**
	 * A document guard.
	 * @param properties the RAG properties
	 * @param detectors the application's detectors
	 * @param removeSecrets whether secrets are removed
	 * @param redactPii whether personal data is rewritten
	 * @param removeInjections remove injected sentences instead of poisoning
	 */
	static DocumentGuard build(RagSecurityProperties properties, Detectors detectors, boolean removeSecrets,
			boolean redactPii, boolean removeInjections) {
		PromptInjectionScanner prompts = detectors.prompts().getIfAvailable(PromptInjectionScanner::new);
		SecretScanner secrets = removeSecrets ? detectors.secrets().getIfAvailable(SecretScanner::new) : null;
		PiiAnalyzer analyzer = redactPii ? detectors.analyzer().getIfAvailable(PiiAnalyzer::defaults) : null;
		PiiOperator.Kind operator = properties.getIngestion().getPiiOperator();
		String hashKey = detectors.environment().getProperty("ai.security.detectors.pii.hash-key");
		double threshold = properties.getInjectionThreshold();
		GuardPipeline.Builder detection = GuardPipeline.builder()
			.direction(Direction.INPUT)
			.scanner(new UnicodeScanner())
			.scanner(new IndirectInjectionScanner(prompts, threshold))
			.scanner(new DocumentLinkScanner(
					ExfiltrationScanner.builder().allowedImageHosts(properties.getAllowedImageHosts()).build()));
		if (properties.isRepetitionCheck()) {
			detection.scanner(new RepetitionScanner());
		}
		if (removeInjections) {
			detection.policy(IndirectInjectionScanner.ID, ScannerPolicy.sanitize(threshold));
		}
		GuardPipeline sanitization = null;
		if (secrets != null || analyzer != null) {
			GuardPipeline.Builder builder = GuardPipeline.builder().direction(Direction.INPUT);
			if (secrets != null) {
				builder.scanner(secrets).policy(SecretScanner.ID, ScannerPolicy.sanitize(0.5));
			}
			if (analyzer != null) {
				builder.scanner(
						PiiScanner.builder().analyzer(analyzer).defaultOperator(operator(operator, hashKey)).build())
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
