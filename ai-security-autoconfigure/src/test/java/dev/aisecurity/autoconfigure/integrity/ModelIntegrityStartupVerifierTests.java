package dev.aisecurity.autoconfigure.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.integrity.DigestProgressListener;
import dev.aisecurity.integrity.ModelArtifact;
import dev.aisecurity.integrity.ModelBundleSigner;
import dev.aisecurity.integrity.ModelFixture;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelKeys;
import dev.aisecurity.integrity.ModelVersion;
import dev.aisecurity.integrity.RemoteModel;
import dev.aisecurity.integrity.Sha256;
import dev.aisecurity.integrity.StreamingDigester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs real {@link SpringApplication}s: the manifest is verified while the environment is
 * prepared, before a bean standing in for a Spring AI model reads its model file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModelIntegrityStartupVerifierTests {

	static final List<String> loadedModels = new ArrayList<>();

	@TempDir
	Path directory;

	private ModelFixture fixture;

	@BeforeEach
	void reset() {
		loadedModels.clear();
	}

	@Test
	void verifiedArtifactIsBoundToTheSpringAiPropertyBeforeTheModelLoads() throws Exception {
		Path manifest = writeBoundManifest();
		try (ConfigurableApplicationContext context = run(base(manifest))) {
			ModelIntegrityManager manager = context.getBean(ModelIntegrityManager.class);
			assertThat(manager.isInitialized()).isTrue();
			assertThat(context.getBean(ModelIntegrityStartupVerifier.MANAGER_BEAN_NAME)).isSameAs(manager);
			assertThat(loadedModels).singleElement().satisfies((uri) -> assertThat(uri).endsWith("embed-1.0.0.onnx"));
			assertThat(context.getEnvironment().getProperty("spring.ai.openai.chat.options.model"))
				.isEqualTo("gpt-4o-2024-08-06");
		}
	}

	@Test
	void tamperedModelStopsStartUpBeforeTheModelLoads() throws Exception {
		Path manifest = writeBoundManifest();
		ModelFixture.flipByte(this.directory.resolve("embed-1.0.0.onnx"));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(base(manifest)))
			.withMessageContaining("embed-1.0.0.onnx")
			.withMessageContaining("expected SHA-256");
		assertThat(loadedModels).isEmpty();
	}

	@Test
	void propertyPointingAtAnUnlistedModelIsRefused() throws Exception {
		Path manifest = writeBoundManifest();
		Path other = Files.write(this.directory.resolve("other.onnx"), new byte[] { 9, 9, 9 });
		List<String> args = new ArrayList<>(List.of(base(manifest)));
		args.add("--spring.ai.embedding.transformer.tokenizer.uri=file:" + other);
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(args.toArray(String[]::new)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNLISTED_RESOURCE))
			.withMessageContaining("spring.ai.embedding.transformer.tokenizer.uri");
		assertThat(loadedModels).isEmpty();
	}

	@Test
	void propertyOverridingABoundArtifactIsRefused() throws Exception {
		Path manifest = writeBoundManifest();
		Path other = Files.write(this.directory.resolve("other.onnx"), new byte[] { 9, 9, 9 });
		List<String> args = new ArrayList<>(List.of(base(manifest)));
		args.add("--spring.ai.embedding.transformer.onnx.model-uri=file:" + other);
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(args.toArray(String[]::new)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNLISTED_RESOURCE));
	}

	@Test
	void floatingAliasWarnsOutsideProductionAndFailsInProduction(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--spring.ai.openai.chat.options.model=gpt-4o")) {
			assertThat(output).contains("Floating provider model aliases")
				.contains("spring.ai.openai.chat.options.model=gpt-4o");
		}
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> run("--spring.ai.openai.chat.options.model=gpt-4o", "--spring.profiles.active=prod"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.FLOATING_ALIAS));
		try (ConfigurableApplicationContext context = run("--spring.ai.openai.chat.options.model=gpt-4o-2024-08-06",
				"--spring.profiles.active=prod")) {
			assertThat(context.isActive()).isTrue();
		}
		try (ConfigurableApplicationContext context = run("--spring.ai.openai.chat.options.model=gpt-4o",
				"--spring.profiles.active=prod", "--ai.security.models.fail-on-floating-alias=false")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void sigstoreBundleIsVerifiedBeforeTheModelLoads(CapturedOutput output) throws Exception {
		String[] args = signedModelDirectory();
		try (ConfigurableApplicationContext context = run(args)) {
			ModelIntegrityManager manager = context.getBean(ModelIntegrityManager.class);
			assertThat(manager.inventory().versions()).singleElement()
				.satisfies((version) -> assertThat(version.status()).isEqualTo("VERIFIED"));
			assertThat(loadedModels).singleElement().satisfies((uri) -> assertThat(uri).endsWith("model.onnx"));
		}
		assertThat(output).contains("active version signed");
	}

	@Test
	void tamperedSigstoreSignedModelStopsStartUpBeforeTheModelLoads() throws Exception {
		String[] args = signedModelDirectory();
		ModelFixture.flipByte(this.directory.resolve("minilm/model.onnx"));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(args))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH))
			.withMessageContaining("'model.onnx'")
			.withMessageContaining("expected SHA-256");
		assertThat(loadedModels).isEmpty();
	}

	@Test
	void modelOutsideTheSignedDirectoryIsRefused() throws Exception {
		List<String> args = new ArrayList<>(List.of(signedModelDirectory()));
		Path other = Files.write(this.directory.resolve("other.onnx"), new byte[] { 9, 9, 9 });
		args.set(args.size() - 1, "--spring.ai.embedding.transformer.onnx.model-uri=file:" + other);
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(args.toArray(String[]::new)))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNLISTED_RESOURCE));
		assertThat(loadedModels).isEmpty();
	}

	@Test
	void sigstoreBundleSignedByAnUntrustedKeyIsRefused() throws Exception {
		String[] args = signedModelDirectory();
		String otherKey = ModelKeys.toPem(ModelKeys.generate("EC").getPublic()).replace("\n", "");
		args[1] = "--ai.security.models.trusted-keys.model-signer=" + otherKey;
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> run(args))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY));
		assertThat(loadedModels).isEmpty();
	}

	private String[] signedModelDirectory() throws Exception {
		Path model = Files.createDirectories(this.directory.resolve("minilm"));
		Files.write(model.resolve("model.onnx"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		Files.writeString(model.resolve("tokenizer.json"), "{}");
		KeyPair keys = ModelKeys.generate("EC");
		Path bundle = model.resolve("model.sig");
		Files.write(bundle,
				new ModelBundleSigner(new StreamingDigester(DigestProgressListener.NONE))
					.sign(model, bundle, keys, List.of())
					.toJson());
		return new String[] { "--ai.security.models.sigstore.bundle=file:" + bundle,
				"--ai.security.models.trusted-keys.model-signer=" + ModelKeys.toPem(keys.getPublic()).replace("\n", ""),
				"--spring.ai.embedding.transformer.onnx.model-uri=file:" + model.resolve("model.onnx") };
	}

	@Test
	void failureAnalysisExplainsTheRefusal() {
		FailureAnalysis analysis = new ModelIntegrityFailureAnalyzer().analyze(new IllegalStateException(
				new ModelIntegrityException(ModelIntegrityException.Reason.DIGEST_MISMATCH, "Model artifact 'x'")));
		assertThat(analysis.getDescription()).contains("model-artifact-digest-mismatch").contains("Model artifact 'x'");
		assertThat(analysis.getAction()).contains("ModelManifestTool");
	}

	private Path writeBoundManifest() throws Exception {
		byte[] model = { 1, 2, 3, 4, 5, 6, 7, 8 };
		Files.write(this.directory.resolve("embed-1.0.0.onnx"), model);
		ModelArtifact artifact = new ModelArtifact("embedding", "embed-1.0.0.onnx", Sha256.hex(Sha256.of(model)),
				model.length, "spring.ai.embedding.transformer.onnx.model-uri");
		RemoteModel chat = new RemoteModel("openai", "gpt-4o-2024-08-06", "spring.ai.openai.chat.options.model");
		this.fixture = new ModelFixture(this.directory)
			.version(new ModelVersion("1.0.0", List.of(artifact), List.of(chat)));
		return this.fixture.write();
	}

	private String[] base(Path manifest) {
		String pem = this.fixture.publicKeyPem();
		return new String[] { "--ai.security.models.manifest=file:" + manifest,
				"--ai.security.models.trusted-keys.test-key=" + pem.replace("\n", "") };
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ModelIntegrityAutoConfiguration.class)
	static class TestApplication {

		/** Stands in for a Spring AI model that reads its file when created. */
		@Bean
		Object fakeEmbeddingModel(@Value("${spring.ai.embedding.transformer.onnx.model-uri:}") String uri)
				throws Exception {
			if (!uri.isEmpty()) {
				new DefaultResourceLoader().getResource(uri).getContentAsByteArray();
				loadedModels.add(uri);
			}
			return new Object();
		}

	}

}
