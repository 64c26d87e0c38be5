package dev.aisecurity.autoconfigure.onnx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aisecurity.autoconfigure.injection.PromptInjectionAutoConfiguration;
import dev.aisecurity.autoconfigure.injection.PromptInjectionProperties;
import dev.aisecurity.autoconfigure.integrity.ModelIntegrityAutoConfiguration;
import dev.aisecurity.guard.injection.PromptInjectionSettings;
import dev.aisecurity.integrity.ModelArtifact;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.Sha256;
import dev.aisecurity.onnx.ClassificationHead;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.EmbeddingHeadScorer;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.OnnxSession;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.SequenceClassificationScorer;
import dev.aisecurity.onnx.StaticTier;
import dev.aisecurity.onnx.WindowScorer;
import dev.aisecurity.onnx.WindowingTokenizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Registers an {@link OnnxPromptInjectionClassifier} as a
 * {@code PromptInjectionClassifier} bean, which the prompt-injection scanner fuses with
 * its heuristic signals. Active whenever this module is on the classpath, unless
 * {@code ai.security.detectors.prompt-injection.onnx.enabled=false}; backs off to a user
 * {@link OnnxPromptInjectionClassifier} bean.
 * <p>
 * A model that cannot be loaded or verified fails start-up: a guard that was asked for
 * must not silently disappear.
 */
@AutoConfiguration(before = PromptInjectionAutoConfiguration.class, after = ModelIntegrityAutoConfiguration.class)
@ConditionalOnClass({ OrtSession.class, HuggingFaceTokenizer.class, OnnxPromptInjectionClassifier.class })
@ConditionalOnBooleanProperty(name = "ai.security.detectors.prompt-injection.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = OnnxClassifierProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(OnnxClassifierProperties.class)
public class OnnxClassifierAutoConfiguration {

	private static final Log logger = LogFactory.getLog(OnnxClassifierAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	OnnxPromptInjectionClassifier aiSecurityOnnxPromptInjectionClassifier(OnnxClassifierProperties properties,
			ObjectProvider<PromptInjectionProperties> injectionProperties,
			ObjectProvider<ModelIntegrityManager> integrity, ResourceLoader resourceLoader) throws OrtException {
		double scannerThreshold = injectionProperties.getIfAvailable(PromptInjectionProperties::new).getThreshold();
		if (scannerThreshold <= 0) {
			scannerThreshold = PromptInjectionSettings.DEFAULT_THRESHOLD;
		}
		OnnxClassifierProperties.Window window = properties.getWindow();
		ClassLoader classLoader = resourceLoader.getClassLoader();
		WindowingTokenizer tokenizer;
		StaticTier staticTier = null;
		WindowScorer scorer = null;
		double threshold = 0.5;
		String description;
		if (properties.getModel().getLocation() == null || properties.getModel().getLocation().isBlank()) {
			DefaultModel variant = properties.getDefaultModel().getVariant();
			if (!variant.isAvailable(classLoader)) {
				throw new IllegalStateException("The default prompt-injection model " + variant.modelResource()
						+ " is not on the classpath; add its jar or set " + OnnxClassifierProperties.PREFIX
						+ ".model.location");
			}
			ClassifierMode mode = properties.getMode();
			tokenizer = variant.tokenizer(classLoader, window.getTokens(), window.getOverlap(), window.getMaxWindows());
			if (mode != ClassifierMode.TRANSFORMER) {
				OnnxClassifierProperties.Cascade cascade = properties.getCascade();
				staticTier = DefaultModel.staticTier(classLoader, tokenizer, cascade.getStaticThreshold(),
						cascade.getBandBelow(), cascade.getBandAbove(), cascade.getStaticBlockThreshold(),
						cascade.getStaticConfirmScore(), scannerThreshold);
			}
			if (mode != ClassifierMode.STATIC) {
				ClassificationHead head = variant.head(classLoader);
				scorer = new EmbeddingHeadScorer(variant.encoder(classLoader, properties.getIntraOpThreads()), head);
				threshold = (properties.getThreshold() != null) ? properties.getThreshold() : head.threshold();
			}
			description = variant.baseName() + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
		}
		else {
			OnnxClassifierProperties.Model model = properties.getModel();
			ModelIntegrityManager manager = integrity.getIfAvailable();
			byte[] modelBytes = load(resourceLoader, manager, model.getLocation(), model.getArtifact());
			byte[] tokenizerBytes = load(resourceLoader, manager, model.getTokenizerLocation(),
					model.getTokenizerArtifact());
			try (InputStream in = new ByteArrayInputStream(tokenizerBytes)) {
				tokenizer = WindowingTokenizer.load(in, window.getTokens(), window.getOverlap(),
						window.getMaxWindows());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the prompt-injection model's tokenizer", ex);
			}
			if (model.getLabels().isEmpty()) {
				throw new IllegalStateException(OnnxClassifierProperties.PREFIX
						+ ".model.labels must list the model's labels in output order (its id2label)");
			}
			scorer = new SequenceClassificationScorer(
					new OnnxSession(modelBytes, properties.getIntraOpThreads(), model.getOutput()), model.getLabels(),
					model.getPositiveLabels());
			threshold = (properties.getThreshold() != null) ? properties.getThreshold() : 0.5;
			description = "sequence-classification model " + ((manager != null) ? "(verified) " : "");
		}
		int maxConcurrent = (properties.getMaxConcurrent() != null) ? properties.getMaxConcurrent()
				: Runtime.getRuntime().availableProcessors();
		OnnxPromptInjectionClassifier classifier = new OnnxPromptInjectionClassifier(tokenizer, staticTier, scorer,
				(scorer != null) ? new ScoreCalibration(threshold, scannerThreshold) : null, properties.getBudget(),
				properties.getOnTimeout(), maxConcurrent);
		if (properties.isWarmUp()) {
			long start = System.nanoTime();
			classifier.warmUp();
			if (logger.isInfoEnabled()) {
				logger.info("ONNX prompt-injection classifier " + description + " ready (warm-up "
						+ (System.nanoTime() - start) / 1_000_000 + " ms"
						+ ((scorer != null) ? ", threshold " + threshold : "")
						+ ((staticTier != null) ? ", static " + staticTier.calibration().describe() : "") + ")");
			}
		}
		return classifier;
	}

	/**
	 * The bytes of a user model file: from the model-integrity manifest when one is
	 * configured (and checked against its digest once more on the bytes read), else from
	 * the configured location.
	 */
	static byte[] load(ResourceLoader resourceLoader, ModelIntegrityManager manager, String location,
			String artifactName) {
		if (manager != null) {
			ModelArtifact artifact = manager.activeVersion()
				.artifact(artifactName)
				.orElseThrow(() -> new ModelIntegrityException(ModelIntegrityException.Reason.UNLISTED_RESOURCE,
						"The model-integrity manifest lists no artifact '" + artifactName + "'"));
			byte[] bytes;
			try (ReadableByteChannel channel = manager.activeArtifact(artifactName).open();
					InputStream in = Channels.newInputStream(channel)) {
				bytes = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
						"Artifact '" + artifactName + "' cannot be read", ex);
			}
			if (!Sha256.hex(Sha256.of(bytes)).equals(artifact.sha256())) {
				throw new ModelIntegrityException(ModelIntegrityException.Reason.DIGEST_MISMATCH,
						"Artifact '" + artifactName + "' changed after it was verified");
			}
			return bytes;
		}
		if (location == null || location.isBlank()) {
			throw new IllegalStateException(OnnxClassifierProperties.PREFIX + ".model needs a location for "
					+ artifactName + " (location / tokenizer-location)");
		}
		Resource resource = resourceLoader.getResource(location.contains(":") ? location : "file:" + location);
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
	}

}
