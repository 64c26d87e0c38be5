package dev.aisecurity.autoconfigure.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import dev.aisecurity.autoconfigure.injection.PromptInjectionAutoConfiguration;
import dev.aisecurity.autoconfigure.integrity.ModelIntegrityAutoConfiguration;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.injection.PromptInjectionClassifier;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.injection.Signal;
import dev.aisecurity.integrity.ManifestSignature;
import dev.aisecurity.integrity.ModelArtifact;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelKeys;
import dev.aisecurity.integrity.ModelManifest;
import dev.aisecurity.integrity.ModelVersion;
import dev.aisecurity.integrity.Sha256;
import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.EmbeddingHeadScorer;
import dev.aisecurity.onnx.OnnxPromptInjectionClassifier;
import dev.aisecurity.onnx.ScoreCalibration;
import dev.aisecurity.onnx.SequenceClassificationScorer;
import dev.aisecurity.onnx.StaticEmbeddingScorer;
import dev.aisecurity.onnx.StaticTier;
import dev.aisecurity.onnx.TestModels;
import dev.aisecurity.onnx.TimeoutPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxClassifierAutoConfigurationTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OnnxClassifierAutoConfiguration.class,
				PromptInjectionAutoConfiguration.class, ModelIntegrityAutoConfiguration.class));

	@Test
	void theDefaultModelIsRegisteredAndFusedIntoTheScanner() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(OnnxPromptInjectionClassifier.class);
			OnnxPromptInjectionClassifier classifier = context.getBean(OnnxPromptInjectionClassifier.class);
			assertThat(classifier.staticTier()).isNotNull();
			PromptInjectionScanner scanner = context.getBean(PromptInjectionScanner.class);
			assertThat(scanner.score(GuardText.of("Where can I buy fresh basil in winter?"), ScanContext.input()))
				.containsKey(Signal.CLASSIFIER);
		});
	}

	@Test
	void theDefaultModeIsTheStaticTierAlone() {
		this.runner.run((context) -> {
			OnnxPromptInjectionClassifier classifier = context.getBean(OnnxPromptInjectionClassifier.class);
			assertThat(context.getBean(OnnxClassifierProperties.class).getMode()).isEqualTo(ClassifierMode.STATIC);
			assertThat(classifier.staticTier().scorer()).isInstanceOf(StaticEmbeddingScorer.class);
			assertThat(classifier.staticTier().calibration().threshold())
				.isEqualTo(((StaticEmbeddingScorer) classifier.staticTier().scorer()).head().threshold());
			assertThat(classifier.scorer()).isNull();
		});
	}

	@Test
	void theStaticFusionIsTheTrainedOneUnlessConfigured() throws Exception {
		java.util.Properties trained = new java.util.Properties();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(DefaultModel.staticHeadResource())) {
			trained.load(in);
		}
		this.runner.run((context) -> {
			ScoreCalibration calibration = context.getBean(OnnxPromptInjectionClassifier.class)
				.staticTier()
				.calibration();
			assertThat(calibration.blockThreshold())
				.isEqualTo(Double.parseDouble(trained.getProperty("fusion.block-threshold")));
			assertThat(calibration.confirmScore())
				.isEqualTo(Double.parseDouble(trained.getProperty("fusion.confirm-score")));
		});
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.cascade.static-threshold=0.8",
					"ai.security.detectors.prompt-injection.onnx.cascade.static-block-threshold=1",
					"ai.security.detectors.prompt-injection.onnx.cascade.static-confirm-score=0.4")
			.run((context) -> {
				ScoreCalibration calibration = context.getBean(OnnxPromptInjectionClassifier.class)
					.staticTier()
					.calibration();
				assertThat(calibration.threshold()).isEqualTo(0.8);
				assertThat(calibration.blocksAlone()).isFalse();
				assertThat(calibration.confirmScore()).isEqualTo(0.4);
				assertThat(calibration.apply(0.999999)).isEqualTo(0.4);
			});
		// the single-threshold fusion, as before the two-threshold rule
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.cascade.static-threshold=0.8",
					"ai.security.detectors.prompt-injection.onnx.cascade.static-block-threshold=0.8",
					"ai.security.detectors.prompt-injection.onnx.cascade.static-confirm-score=0.5")
			.run((context) -> assertThat(
					context.getBean(OnnxPromptInjectionClassifier.class).staticTier().calibration())
				.isEqualTo(new ScoreCalibration(0.8, 0.5)));
	}

	@Test
	void cascadeModeLoadsBothTiersAndTransformerModeNoStaticTier() {
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.mode=cascade",
					"ai.security.detectors.prompt-injection.onnx.cascade.static-threshold=0.7")
			.run((context) -> {
				OnnxPromptInjectionClassifier classifier = context.getBean(OnnxPromptInjectionClassifier.class);
				assertThat(classifier.scorer()).isInstanceOf(EmbeddingHeadScorer.class);
				assertThat(classifier.staticTier().calibration().threshold()).isEqualTo(0.7);
				PromptInjectionScanner scanner = context.getBean(PromptInjectionScanner.class);
				assertThat(scanner.score(GuardText.of("Where can I buy fresh basil in winter?"), ScanContext.input()))
					.containsKey(Signal.CLASSIFIER);
			});
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.mode=transformer",
					"ai.security.detectors.prompt-injection.onnx.cascade.band-below=9")
			.run((context) -> {
				OnnxPromptInjectionClassifier classifier = context.getBean(OnnxPromptInjectionClassifier.class);
				assertThat(classifier.staticTier()).isNull();
				assertThat(classifier.scorer()).isInstanceOf(EmbeddingHeadScorer.class);
			});
	}

	@Test
	void theTransformerUsesItsHeadsThreshold() {
		this.runner.withPropertyValues("ai.security.detectors.prompt-injection.onnx.mode=transformer")
			.run((context) -> assertThat(context.getBean(OnnxPromptInjectionClassifier.class).calibration().threshold())
				.isEqualTo(DefaultModel.QUANTIZED.head(getClass().getClassLoader()).threshold()));
	}

	@Test
	void theBandCanBeConfigured() {
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.mode=cascade",
					"ai.security.detectors.prompt-injection.onnx.cascade.band-below=0.25",
					"ai.security.detectors.prompt-injection.onnx.cascade.band-above=3")
			.run((context) -> {
				StaticTier tier = context.getBean(OnnxPromptInjectionClassifier.class).staticTier();
				assertThat(tier.lower()).isEqualTo(0.25);
				assertThat(tier.upper()).isEqualTo(3.0);
			});
	}

	@Test
	void aMissingStaticTableFailsStartUpWithAClearError() {
		this.runner.withClassLoader(new FilteredClassLoader(new ClassPathResource(DefaultModel.staticTableResource())))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(DefaultModel.staticTableResource()));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("ai.security.detectors.prompt-injection.onnx.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PromptInjectionClassifier.class)
				.hasSingleBean(PromptInjectionScanner.class));
	}

	@Test
	void loadsAUserSequenceClassificationModelFromFiles() throws IOException {
		Path model = this.directory.resolve("model.onnx");
		Path tokenizer = this.directory.resolve("tokenizer.json");
		Files.write(model, TestModels.tinyModel());
		Files.write(tokenizer, TestModels.tokenizerJson());
		this.runner
			.withPropertyValues("ai.security.detectors.prompt-injection.onnx.model.location=" + model,
					"ai.security.detectors.prompt-injection.onnx.model.tokenizer-location=file:" + tokenizer,
					"ai.security.detectors.prompt-injection.onnx.model.labels=SAFE,INJECTION",
					"ai.security.detectors.prompt-injection.onnx.on-timeout=fail-open",
					"ai.security.detectors.prompt-injection.onnx.budget=2s")
			.run((context) -> {
				OnnxPromptInjectionClassifier classifier = context.getBean(OnnxPromptInjectionClassifier.class);
				assertThat(classifier.scorer()).isInstanceOf(SequenceClassificationScorer.class);
				assertThat(classifier.calibration().threshold()).isEqualTo(0.5);
				assertThat(context.getBean(OnnxClassifierProperties.class).getOnTimeout())
					.isEqualTo(TimeoutPolicy.FAIL_OPEN);
				PromptInjectionScanner scanner = context.getBean(PromptInjectionScanner.class);
				assertThat(scanner.score(GuardText.of("Tell me about the castle"), ScanContext.input()))
					.containsEntry(Signal.CLASSIFIER, classifier.calibration().apply(1 / (1 + Math.exp(-10))));
			});
	}

	@Test
	void readsAUserModelThroughTheIntegrityManifestAndRefusesATamperedOne() throws Exception {
		byte[] model = TestModels.tinyModel();
		byte[] tokenizer = TestModels.tokenizerJson();
		Files.write(this.directory.resolve("model.onnx"), model);
		Files.write(this.directory.resolve("tokenizer.json"), tokenizer);
		KeyPair keys = ModelKeys.generate(ModelKeys.ED25519);
		ModelManifest manifest = ModelManifest.of("guard-models", List.of(new ModelVersion("1.0.0",
				List.of(artifact("model.onnx", model), artifact("tokenizer.json", tokenizer)), List.of())));
		Path manifestFile = this.directory.resolve("manifest.json");
		Files.write(manifestFile, manifest.toPrettyJson());
		Files.write(this.directory.resolve("manifest.json.sig"),
				ManifestSignature.sign(manifest, "k", keys.getPrivate()).toJson());
		String[] properties = { "ai.security.models.manifest=file:" + manifestFile,
				"ai.security.models.trusted-keys.k=" + ModelKeys.toPem(keys.getPublic()).replace("\n", ""),
				"ai.security.detectors.prompt-injection.onnx.model.location=/nowhere/ignored-when-a-manifest-is-set.onnx",
				"ai.security.detectors.prompt-injection.onnx.model.labels=SAFE,INJECTION" };
		this.runner.withPropertyValues(properties)
			.run((context) -> assertThat(context.getBean(OnnxPromptInjectionClassifier.class).scorer())
				.isInstanceOf(SequenceClassificationScorer.class));
		byte[] tampered = model.clone();
		tampered[tampered.length - 1] ^= 1;
		Files.write(this.directory.resolve("model.onnx"), tampered);
		this.runner.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(ModelIntegrityException.class));
	}

	private static ModelArtifact artifact(String name, byte[] content) {
		return new ModelArtifact(name, name, Sha256.hex(Sha256.of(content)), content.length, null);
	}

}
