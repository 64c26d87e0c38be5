package dev.aisecurity.integrity;

import dev.aisecurity.json.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Key-signed OpenSSF model signing bundles with real ECDSA keys: signed by
 * {@link ModelBundleSigner} and checked by {@link ModelBundleVerifier}, plus tampering of
 * every layer (files, directory, statement, envelope, key).
 */
class SigstoreBundleVerifierTests {

	@TempDir
	Path base;

	private Path model;

	private Path bundleFile;

	private final KeyPair p256 = ModelKeys.generate("P-256");

	@BeforeEach
	void writeModel() throws Exception {
		this.model = Files.createDirectories(this.base.resolve("tiny-model"));
		Files.writeString(this.model.resolve("config.json"), "{\"hidden_size\": 8}");
		Files.write(this.model.resolve("model.safetensors"), bytes(6000, 7));
		Files.createDirectories(this.model.resolve("tokenizer"));
		Files.writeString(this.model.resolve("tokenizer/vocab.txt"), "a\nb\nc\n");
		Files.createDirectories(this.model.resolve(".git"));
		Files.writeString(this.model.resolve(".git/HEAD"), "ref: refs/heads/main\n");
		this.bundleFile = this.model.resolve("model.sig");
	}

	@ParameterizedTest
	@ValueSource(strings = { "P-256", "P-384", "P-521" })
	void signedDirectoryVerifies(String curve) throws Exception {
		KeyPair keys = ModelKeys.generate(curve);
		sign(keys);
		List<ArtifactStatus> statuses = verify(keys);
		assertThat(statuses).allSatisfy((status) -> assertThat(status.verified()).as(status.message()).isTrue());
		assertThat(statuses).extracting(ArtifactStatus::name)
			.containsExactly("tiny", "tiny/config.json", "tiny/model.safetensors", "tiny/tokenizer/vocab.txt");
		ModelSigningStatement statement = ModelSigningStatement
			.parse(SigstoreBundle.parse(Files.readAllBytes(this.bundleFile)).payload());
		assertThat(statement.ignorePaths()).contains("model.sig", ".git");
		assertThat(statuses.get(0).expectedSha256()).isEqualTo(statement.subjectSha256())
			.isEqualTo(statuses.get(0).actualSha256());
	}

	@Test
	void bundleFileIsTheFormatModelSigningWrites() throws Exception {
		sign(this.p256);
		Map<String, Object> bundle = Json.object(Json.parse(Files.readAllBytes(this.bundleFile)), "bundle");
		assertThat(bundle.get("mediaType")).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
		Map<String, Object> material = Json.object(bundle.get("verificationMaterial"), "material");
		assertThat(Json.object(material.get("publicKey"), "key").get("hint")).isEqualTo(pemHint(this.p256));
		assertThat(material.get("tlogEntries")).isEqualTo(List.of());
		Map<String, Object> envelope = Json.object(bundle.get("dsseEnvelope"), "envelope");
		assertThat(envelope.get("payloadType")).isEqualTo("application/vnd.in-toto+json");
		Map<String, Object> statement = Json
			.object(Json.parse(Base64.getDecoder().decode((String) envelope.get("payload"))), "statement");
		assertThat(statement.get("_type")).isEqualTo("https://in-toto.io/Statement/v1");
		assertThat(statement.get("predicateType")).isEqualTo("https://model_signing/signature/v1.0");
	}

	@Test
	void flippedByteIsRefusedNamingTheFile() throws Exception {
		sign(this.p256);
		String expected = Sha256.hex(Sha256.of(Files.readAllBytes(this.model.resolve("model.safetensors"))));
		ModelFixture.flipByte(this.model.resolve("model.safetensors"));
		String actual = Sha256.hex(Sha256.of(Files.readAllBytes(this.model.resolve("model.safetensors"))));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.DIGEST_MISMATCH))
			.withMessageContaining("'model.safetensors'")
			.withMessageContaining("expected SHA-256 " + expected.substring(0, 12))
			.withMessageContaining("but found " + actual.substring(0, 12));
	}

	@Test
	void extraFileIsRefused() throws Exception {
		sign(this.p256);
		Files.writeString(this.model.resolve("tokenizer/merges.txt"), "x y\n");
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNLISTED_RESOURCE))
			.withMessageContaining("'tokenizer/merges.txt'")
			.withMessageContaining("not listed");
	}

	@Test
	void missingFileIsRefused() throws Exception {
		sign(this.p256);
		Files.delete(this.model.resolve("tokenizer/vocab.txt"));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE))
			.withMessageContaining("'tokenizer/vocab.txt'")
			.withMessageContaining("missing");
	}

	@Test
	void ignoredPathsMayChange() throws Exception {
		sign(this.p256);
		Files.writeString(this.model.resolve(".git/FETCH_HEAD"), "changed");
		assertThat(verify(this.p256)).allSatisfy((status) -> assertThat(status.verified()).isTrue());
	}

	@Test
	void untrustedKeyIsRefused() throws Exception {
		sign(this.p256);
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> requireVerified(ModelKeys.generate("P-256")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY))
			.withMessageContaining(pemHint(this.p256).substring(0, 12));
	}

	@Test
	void hintOfATrustedKeyOnABundleSignedByAnotherKeyIsRefused() throws Exception {
		KeyPair attacker = ModelKeys.generate("P-256");
		sign(attacker);
		// The attacker names the trusted key's hint: the signature must still be checked
		rewriteBundle((bundle) -> Json
			.object(Json.object(bundle.get("verificationMaterial"), "material").get("publicKey"), "key")
			.put("hint", pemHint(this.p256)));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID))
			.withMessageContaining("does not match");
	}

	@Test
	void tamperedPayloadIsRefused() throws Exception {
		sign(this.p256);
		// Swap in a consistent statement for altered content, keeping the old signature
		ModelFixture.flipByte(this.model.resolve("model.safetensors"));
		SigstoreBundle honest = SigstoreBundle.parse(Files.readAllBytes(this.bundleFile));
		SigstoreBundle forged = new ModelBundleSigner(new StreamingDigester(DigestProgressListener.NONE))
			.sign(this.model, this.bundleFile, ModelKeys.generate("P-256"), List.of());
		Files.write(this.bundleFile, new SigstoreBundle(honest.mediaType(), honest.keyHint(), false,
				honest.payloadType(), forged.payload(), honest.signatures())
			.toJson());
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void inconsistentSubjectDigestIsRefusedEvenWhenSigned() throws Exception {
		ModelSigningStatement honest = statementFor(this.model);
		ModelSigningStatement lying = new ModelSigningStatement(honest.modelName(), "ab".repeat(32), false,
				honest.ignorePaths(), honest.resources());
		Files.write(this.bundleFile,
				SigstoreBundleVerifier.sign(lying, this.p256.getPrivate(), this.p256.getPublic()).toJson());
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.MANIFEST_INVALID))
			.withMessageContaining("inconsistent");
	}

	@Test
	void wrongPredicateTypeIsRefusedEvenWhenSigned() throws Exception {
		signStatement(
				statementJson(this.model, (statement) -> statement.put("predicateType", "https://example.com/x")));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.MANIFEST_INVALID))
			.withMessageContaining("predicate type");
		signStatement(statementJson(this.model,
				(statement) -> statement.put("predicateType", "https://model_signing/Digests/v0.1")));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED))
			.withMessageContaining("before 1.0");
	}

	@Test
	void wrongStatementTypeIsRefusedEvenWhenSigned() throws Exception {
		signStatement(
				statementJson(this.model, (statement) -> statement.put("_type", "https://in-toto.io/Statement/v0.1")));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.MANIFEST_INVALID))
			.withMessageContaining("statement type");
	}

	@Test
	void shardSerializationIsRefusedAsUnsupported() throws Exception {
		signStatement(statementJson(this.model, (statement) -> serialization(statement).put("method", "shards")));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED))
			.withMessageContaining("'shards'");
	}

	@Test
	void wrongPayloadTypeIsRefused() throws Exception {
		byte[] payload = statementFor(this.model).toJson();
		Signature signer = Signature.getInstance("SHA256withECDSA");
		signer.initSign(this.p256.getPrivate());
		signer.update(SigstoreBundle.pae("application/json", payload));
		Files.write(this.bundleFile, new SigstoreBundle(SigstoreBundle.MEDIA_TYPE, pemHint(this.p256), false,
				"application/json", payload, List.of(signer.sign()))
			.toJson());
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID))
			.withMessageContaining("payload type");
	}

	@Test
	void keylessBundleIsRefusedAsUnsupported() throws Exception {
		sign(this.p256);
		rewriteBundle((bundle) -> Json.object(bundle.get("verificationMaterial"), "material")
			.put("certificate", Map.of("rawBytes", "MIIB")));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.BUNDLE_UNSUPPORTED))
			.withMessageContaining("keyless");
	}

	@Test
	void ed25519ManifestKeysNeverSignBundles() throws Exception {
		sign(this.p256);
		KeyPair ed25519 = ModelKeys.generate(ModelKeys.ED25519);
		SigstoreBundleVerifier verifier = new SigstoreBundleVerifier(
				List.of(new TrustedKey("ed", ed25519.getPublic())));
		assertThatExceptionOfType(ModelIntegrityException.class)
			.isThrownBy(() -> verifier.verify(Files.readAllBytes(this.bundleFile), "model.sig"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.UNTRUSTED_KEY));
	}

	@Test
	void symbolicLinkIsRefusedUnlessAllowed() throws Exception {
		sign(this.p256);
		Files.createSymbolicLink(this.model.resolve("link.json"), this.model.resolve("config.json"));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(this.p256))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SYMLINK_REFUSED))
			.withMessageContaining("'link.json'");
	}

	@Test
	void resourceNamesLeavingTheDirectoryAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ModelSigningStatement.Resource("../etc/passwd", "00".repeat(32)));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ModelSigningStatement.Resource("/etc/passwd", "00".repeat(32)));
	}

	/**
	 * A conformance fixture written from the format description, not with
	 * {@link ModelBundleSigner} or {@link SigstoreBundle}: the statement JSON laid out as
	 * protobuf's JSON printer does, the PAE concatenated by hand, the signature made with
	 * the JCA and the hint from a hand-written PEM.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "P-256", "P-384" })
	void handBuiltBundleVerifies(String curve) throws Exception {
		KeyPair keys = ModelKeys.generate(curve);
		String config = hex(this.model.resolve("config.json"));
		String weights = hex(this.model.resolve("model.safetensors"));
		String vocab = hex(this.model.resolve("tokenizer/vocab.txt"));
		java.security.MessageDigest root = java.security.MessageDigest.getInstance("SHA-256");
		for (String digest : new String[] { config, weights, vocab }) {
			root.update(java.util.HexFormat.of().parseHex(digest));
		}
		String subject = java.util.HexFormat.of().formatHex(root.digest());
		String statement = """
				{
				  "_type": "https://in-toto.io/Statement/v1",
				  "subject": [
				    {
				      "name": "tiny-model",
				      "digest": {
				        "sha256": "%s"
				      }
				    }
				  ],
				  "predicateType": "https://model_signing/signature/v1.0",
				  "predicate": {
				    "serialization": {
				      "method": "files",
				      "hash_type": "sha256",
				      "allow_symlinks": false,
				      "ignore_paths": [
				        "model.sig",
				        ".git",
				        ".gitattributes",
				        ".github",
				        ".gitignore"
				      ]
				    },
				    "resources": [
				      {
				        "name": "config.json",
				        "algorithm": "sha256",
				        "digest": "%s"
				      },
				      {
				        "name": "model.safetensors",
				        "algorithm": "sha256",
				        "digest": "%s"
				      },
				      {
				        "name": "tokenizer/vocab.txt",
				        "algorithm": "sha256",
				        "digest": "%s"
				      }
				    ]
				  }
				}""".formatted(subject, config, weights, vocab);
		byte[] payload = statement.getBytes(StandardCharsets.UTF_8);
		String payloadType = "application/vnd.in-toto+json";
		byte[] header = ("DSSEv1 28 " + payloadType + " " + payload.length + " ").getBytes(StandardCharsets.US_ASCII);
		byte[] pae = new byte[header.length + payload.length];
		System.arraycopy(header, 0, pae, 0, header.length);
		System.arraycopy(payload, 0, pae, header.length, payload.length);
		Signature signer = Signature.getInstance(curve.equals("P-256") ? "SHA256withECDSA" : "SHA384withECDSA");
		signer.initSign(keys.getPrivate());
		signer.update(pae);
		String bundle = """
				{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
				 "verificationMaterial": {"publicKey": {"hint": "%s"}, "tlogEntries": []},
				 "dsseEnvelope": {"payload": "%s", "payloadType": "application/vnd.in-toto+json",
				   "signatures": [{"sig": "%s", "keyid": ""}]}}
				""".formatted(pemHint(keys), Base64.getEncoder().encodeToString(payload),
				Base64.getEncoder().encodeToString(signer.sign()));
		Files.writeString(this.bundleFile, bundle);

		assertThat(verify(keys)).allSatisfy((status) -> assertThat(status.verified()).as(status.message()).isTrue())
			.hasSize(4);
		// and a signature by the same key over other bytes is refused
		Files.writeString(this.bundleFile, bundle.replace(Base64.getEncoder().encodeToString(payload),
				Base64.getEncoder().encodeToString(statement.replace("tiny-model", "tiny-modem").getBytes())));
		assertThatExceptionOfType(ModelIntegrityException.class).isThrownBy(() -> requireVerified(keys))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(ModelIntegrityException.Reason.SIGNATURE_INVALID));
	}

	@Test
	void keyHintIsTheSha256OfThePemText() {
		assertThat(SigstoreBundleVerifier.keyHint(this.p256.getPublic())).isEqualTo(pemHint(this.p256));
	}

	private void sign(KeyPair keys) throws Exception {
		SigstoreBundle bundle = new ModelBundleSigner(new StreamingDigester(DigestProgressListener.NONE))
			.sign(this.model, this.bundleFile, keys, List.of());
		Files.write(this.bundleFile, bundle.toJson());
	}

	private List<ArtifactStatus> verify(KeyPair trusted) {
		ModelBundleVerifier verifier = new ModelBundleVerifier(ArtifactLocator.fileSystem(this.base),
				new StreamingDigester(DigestProgressListener.NONE),
				new SigstoreBundleVerifier(List.of(new TrustedKey("model-signer", trusted.getPublic()))),
				Clock.systemUTC());
		return verifier.verify("1.0.0", new ModelBundle("tiny", "tiny-model/model.sig", null));
	}

	private void requireVerified(KeyPair trusted) {
		new VersionVerification("1.0.0", verify(trusted), java.time.Instant.now()).requireVerified();
	}

	private ModelSigningStatement statementFor(Path directory) throws Exception {
		List<ModelSigningStatement.Resource> resources = new ArrayList<>();
		for (String name : List.of("config.json", "model.safetensors", "tokenizer/vocab.txt")) {
			resources.add(new ModelSigningStatement.Resource(name, hex(directory.resolve(name))));
		}
		return ModelSigningStatement.of("tiny-model", false, List.of("model.sig", ".git"), resources);
	}

	private Map<String, Object> statementJson(Path directory, java.util.function.Consumer<Map<String, Object>> change)
			throws Exception {
		Map<String, Object> statement = deepCopy(Json.parse(statementFor(directory).toJson()));
		change.accept(statement);
		return statement;
	}

	private void signStatement(Map<String, Object> statement) throws Exception {
		byte[] payload = Json.canonical(statement);
		Signature signer = Signature.getInstance("SHA256withECDSA");
		signer.initSign(this.p256.getPrivate());
		signer.update(SigstoreBundle.pae(SigstoreBundle.IN_TOTO_PAYLOAD_TYPE, payload));
		Files.write(this.bundleFile, SigstoreBundle.keySigned(pemHint(this.p256), payload, signer.sign()).toJson());
	}

	private void rewriteBundle(java.util.function.Consumer<Map<String, Object>> change) throws Exception {
		Map<String, Object> bundle = deepCopy(Json.parse(Files.readAllBytes(this.bundleFile)));
		change.accept(bundle);
		Files.write(this.bundleFile, Json.pretty(bundle));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> serialization(Map<String, Object> statement) {
		return (Map<String, Object>) ((Map<String, Object>) statement.get("predicate")).get("serialization");
	}

	@SuppressWarnings("unchecked")
	private static <T> T deepCopy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put((String) key, deepCopy(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(deepCopy(item)));
			return (T) copy;
		}
		return (T) value;
	}

	private static String pemHint(KeyPair keys) {
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(pem.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(Path file) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	private static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		new java.util.Random(seed).nextBytes(bytes);
		return bytes;
	}

}
