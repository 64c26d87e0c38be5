package dev.aisecurity.integrity.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisecurity.integrity.ArtifactLocator;
import dev.aisecurity.integrity.ArtifactStatus;
import dev.aisecurity.integrity.ArtifactVerifier;
import dev.aisecurity.integrity.DigestProgressListener;
import dev.aisecurity.integrity.ManifestSignature;
import dev.aisecurity.integrity.ManifestSource;
import dev.aisecurity.integrity.ManifestVerifier;
import dev.aisecurity.integrity.ModelArtifact;
import dev.aisecurity.integrity.ModelBundle;
import dev.aisecurity.integrity.ModelBundleSigner;
import dev.aisecurity.integrity.ModelBundleVerifier;
import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelKeys;
import dev.aisecurity.integrity.ModelManifest;
import dev.aisecurity.integrity.ModelVersion;
import dev.aisecurity.integrity.Sha256;
import dev.aisecurity.integrity.SigstoreBundle;
import dev.aisecurity.integrity.SigstoreBundleVerifier;
import dev.aisecurity.integrity.StreamingDigester;
import dev.aisecurity.integrity.TrustedKey;
import dev.aisecurity.integrity.VersionVerification;

/**
 * Command-line tool for model manifests; needs only the JDK and this jar: <pre>
 * java -cp ai-security-autoconfigure.jar dev.aisecurity.integrity.cli.ModelManifestTool &lt;command&gt; ...
 *   digest FILE...                                   print SHA-256 and size of files
 *   keygen --private-key F --public-key F [--algorithm Ed25519|EC|P-384|P-521]
 *   update --manifest F [--version V]                 recompute artifact digests and sizes
 *   sign   --manifest F --private-key F --key-id ID [--signature F]
 *   verify --manifest F --public-key ID=F... [--signature F] [--version V|--all] [--no-artifacts]
 *   sign-bundle   --model DIR --private-key F --public-key F [--bundle F] [--ignore PATH]...
 *   verify-bundle --model DIR --public-key [ID=]F... [--bundle F]
 * </pre> The bundle commands write and check OpenSSF model signing (model-transparency)
 * signatures: Sigstore bundles of key-signed ECDSA statements, {@code DIR/model.sig} by
 * default. Exit status: 0 success, 1 verification failed, 2 usage error.
 */
public final class ModelManifestTool {

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Create a tool writing to the given streams.
	 * @param out results
	 * @param err progress and errors
	 */
	public ModelManifestTool(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Run from the command line.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.exit(new ModelManifestTool(System.out, System.err).run(args));
	}

	/**
	 * Run a command.
	 * @param args the command and its options
	 * @return the exit status
	 */
	public int run(String... args) {
		if (args.length == 0) {
			return usage("no command");
		}
		try {
			Options options = Options.parse(args);
			return switch (args[0]) {
				case "digest" -> digest(options);
				case "keygen" -> keygen(options);
				case "update" -> update(options);
				case "sign" -> sign(options);
				case "verify" -> verify(options);
				case "sign-bundle" -> signBundle(options);
				case "verify-bundle" -> verifyBundle(options);
				default -> usage("unknown command " + args[0]);
			};
		}
		catch (UsageException ex) {
			return usage(ex.getMessage());
		}
		catch (ModelIntegrityException ex) {
			this.err.println("FAILED [" + ex.reason().code() + "] " + ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			this.err.println("ERROR " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return 1;
		}
	}

	private int digest(Options options) throws IOException {
		if (options.positional.isEmpty()) {
			throw new UsageException("digest needs at least one file");
		}
		StreamingDigester digester = new StreamingDigester(progress());
		for (String file : options.positional) {
			StreamingDigester.Digest digest = digester.digest(ArtifactLocator.file(Path.of(file)));
			this.out.println(digest.sha256() + "  " + digest.size() + "  " + file);
		}
		return 0;
	}

	private int keygen(Options options) throws IOException {
		Path privateKey = Path.of(options.require("--private-key"));
		Path publicKey = Path.of(options.require("--public-key"));
		if (Files.exists(privateKey)) {
			throw new UsageException("refusing to overwrite " + privateKey);
		}
		KeyPair pair = ModelKeys.generate(options.single("--algorithm", ModelKeys.ED25519));
		if (privateKey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			// Owner-only from the first byte written
			Files.createFile(privateKey, java.nio.file.attribute.PosixFilePermissions
				.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(privateKey, ModelKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
		Files.writeString(publicKey, ModelKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
		TrustedKey key = new TrustedKey("new", pair.getPublic());
		this.out.println(
				"Wrote " + privateKey + " (keep it secret) and " + publicKey + "; fingerprint " + key.fingerprint());
		return 0;
	}

	private int update(Options options) throws IOException {
		Path manifestFile = Path.of(options.require("--manifest"));
		ModelManifest manifest = ModelManifest.parse(Files.readAllBytes(manifestFile));
		String only = options.single("--version", null);
		ArtifactLocator locator = ArtifactLocator.fileSystem(manifestFile.toAbsolutePath().getParent());
		StreamingDigester digester = new StreamingDigester(progress());
		List<ModelVersion> versions = new ArrayList<>();
		for (ModelVersion version : manifest.versions()) {
			if (only != null && !only.equals(version.version())) {
				versions.add(version);
				continue;
			}
			List<ModelArtifact> artifacts = new ArrayList<>();
			for (ModelArtifact artifact : version.artifacts()) {
				StreamingDigester.Digest digest = digester.digest(locator.locate(artifact.location()));
				artifacts.add(artifact.withDigest(digest.sha256(), digest.size()));
			}
			versions.add(new ModelVersion(version.version(), artifacts, version.remoteModels(), version.bundles()));
		}
		Files.write(manifestFile, ModelManifest.of(manifest.name(), versions).toPrettyJson());
		this.out.println("Updated " + manifestFile + "; sign it again");
		return 0;
	}

	private int sign(Options options) throws IOException {
		Path manifestFile = Path.of(options.require("--manifest"));
		ModelManifest manifest = ModelManifest.parse(Files.readAllBytes(manifestFile));
		String privateKey = Files.readString(Path.of(options.require("--private-key")), StandardCharsets.US_ASCII);
		ManifestSignature signature = ManifestSignature.sign(manifest, options.require("--key-id"),
				ModelKeys.decodePrivateKey(privateKey));
		Path signatureFile = Path.of(options.single("--signature", manifestFile + ".sig"));
		Files.write(signatureFile, signature.toJson());
		this.out.println("Signed " + manifestFile + " with key '" + signature.keyId() + "' (" + signature.algorithm()
				+ ") -> " + signatureFile);
		return 0;
	}

	private int verify(Options options) throws IOException {
		Path manifestFile = Path.of(options.require("--manifest"));
		Path signatureFile = Path.of(options.single("--signature", manifestFile + ".sig"));
		List<TrustedKey> keys = publicKeys(options, false);
		ManifestSource source = ManifestSource.file(manifestFile, signatureFile);
		ModelManifest manifest = new ManifestVerifier(keys, true).verify(source.readManifest(), source.readSignature(),
				source.description());
		this.out.println("Signature OK: " + manifestFile + " (" + manifest.versions().size() + " versions)");
		if (options.flag("--no-artifacts")) {
			return 0;
		}
		List<ModelVersion> versions;
		if (options.flag("--all")) {
			versions = manifest.versions();
		}
		else {
			String only = options.single("--version", null);
			versions = List.of((only != null)
					? manifest.version(only)
						.orElseThrow(() -> new UsageException("version " + only + " is not in the manifest"))
					: manifest.latest());
		}
		ArtifactVerifier verifier = new ArtifactVerifier(source.artifacts(), new StreamingDigester(progress()),
				Clock.systemUTC(), keys);
		boolean allVerified = true;
		for (ModelVersion version : versions) {
			VersionVerification verification = verifier.verify(version);
			for (ArtifactStatus status : verification.artifacts()) {
				this.out.println((status.verified() ? "OK     " : "FAILED ") + version.version() + " " + status.name()
						+ ((status.message() != null) ? " - " + status.message() : ""));
			}
			allVerified &= verification.verified();
		}
		return allVerified ? 0 : 1;
	}

	private int signBundle(Options options) throws IOException {
		Path model = Path.of(options.require("--model"));
		Path bundleFile = Path.of(options.single("--bundle", model.resolve("model.sig").toString()));
		PrivateKey privateKey = ModelKeys
			.decodePrivateKey(Files.readString(Path.of(options.require("--private-key")), StandardCharsets.US_ASCII));
		PublicKey publicKey = ModelKeys
			.decodePublicKey(Files.readString(Path.of(options.require("--public-key")), StandardCharsets.US_ASCII));
		SigstoreBundle bundle = new ModelBundleSigner(new StreamingDigester(progress())).sign(model, bundleFile,
				new KeyPair(publicKey, privateKey), options.all("--ignore"));
		// The public key given must be the private key's: check before writing
		new SigstoreBundleVerifier(List.of(new TrustedKey("signer", publicKey))).verify(bundle.toJson(),
				bundleFile.toString());
		Files.write(bundleFile, bundle.toJson());
		this.out.println("Signed model directory " + model + " -> " + bundleFile + " (key hint "
				+ Sha256.prefix(bundle.keyHint()) + ")");
		return 0;
	}

	private int verifyBundle(Options options) {
		Path model = Path.of(options.require("--model"));
		String bundleFile = options.single("--bundle", model.resolve("model.sig").toString());
		List<TrustedKey> keys = publicKeys(options, true);
		StreamingDigester digester = new StreamingDigester(progress());
		ModelBundleVerifier verifier = new ModelBundleVerifier(ArtifactLocator.fileSystem(Path.of("")), digester,
				new SigstoreBundleVerifier(keys), Clock.systemUTC());
		List<ArtifactStatus> statuses = verifier.verify("-", new ModelBundle("model",
				Path.of(bundleFile).toAbsolutePath().toString(), model.toAbsolutePath().toString()));
		boolean verified = true;
		for (ArtifactStatus status : statuses) {
			this.out.println((status.verified() ? "OK     " : "FAILED ") + status.name()
					+ ((status.message() != null) ? " - " + status.message() : ""));
			verified &= status.verified();
		}
		if (!verified) {
			this.err.println("FAILED [" + statuses.get(0).failureCode() + "] " + statuses.get(0).message());
		}
		return verified ? 0 : 1;
	}

	private List<TrustedKey> publicKeys(Options options, boolean idOptional) {
		List<TrustedKey> keys = new ArrayList<>();
		for (String spec : options.all("--public-key")) {
			int separator = spec.indexOf('=');
			if (separator <= 0 && !idOptional) {
				throw new UsageException("--public-key takes KEY_ID=FILE");
			}
			String file = (separator > 0) ? spec.substring(separator + 1) : spec;
			String id = (separator > 0) ? spec.substring(0, separator) : Path.of(file).getFileName().toString();
			try {
				keys.add(TrustedKey.of(id, Files.readString(Path.of(file), StandardCharsets.US_ASCII)));
			}
			catch (IOException ex) {
				throw new UsageException("cannot read public key " + file);
			}
		}
		if (keys.isEmpty()) {
			throw new UsageException(
					"at least one --public-key " + (idOptional ? "[KEY_ID=]FILE" : "KEY_ID=FILE") + " is needed");
		}
		return keys;
	}

	private DigestProgressListener progress() {
		return (description, read, total) -> {
			// Only large files take long enough to need progress lines
			if (total < 0 || total >= StreamingDigester.DEFAULT_PROGRESS_INTERVAL) {
				this.err.printf("  hashing %s: %d MiB of %s%n", description, read / (1024 * 1024),
						(total >= 0) ? (total / (1024 * 1024)) + " MiB" : "?");
			}
		};
	}

	private int usage(String problem) {
		this.err.println("ModelManifestTool: " + problem);
		this.err.println("usage: digest FILE...");
		this.err.println("       keygen --private-key FILE --public-key FILE [--algorithm Ed25519|EC|P-384|P-521]");
		this.err.println("       update --manifest FILE [--version V]");
		this.err.println("       sign   --manifest FILE --private-key FILE --key-id ID [--signature FILE]");
		this.err.println("       verify --manifest FILE --public-key ID=FILE... [--signature FILE]"
				+ " [--version V | --all] [--no-artifacts]");
		this.err.println("       sign-bundle   --model DIR --private-key FILE --public-key FILE [--bundle FILE]"
				+ " [--ignore PATH]...");
		this.err.println("       verify-bundle --model DIR --public-key [ID=]FILE... [--bundle FILE]");
		return 2;
	}

	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	private static final class Options {

		private static final List<String> FLAGS = List.of("--all", "--no-artifacts");

		private final Map<String, List<String>> values = new LinkedHashMap<>();

		private final List<String> positional = new ArrayList<>();

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				if (FLAGS.contains(arg)) {
					options.values.computeIfAbsent(arg, (key) -> new ArrayList<>()).add("true");
				}
				else if (arg.startsWith("--")) {
					if (i + 1 >= args.length) {
						throw new UsageException(arg + " needs a value");
					}
					options.values.computeIfAbsent(arg, (key) -> new ArrayList<>()).add(args[++i]);
				}
				else {
					options.positional.add(arg);
				}
			}
			return options;
		}

		String require(String name) {
			String value = single(name, null);
			if (value == null) {
				throw new UsageException("missing " + name);
			}
			return value;
		}

		String single(String name, String fallback) {
			List<String> list = this.values.get(name);
			if (list == null) {
				return fallback;
			}
			if (list.size() > 1) {
				throw new UsageException(name + " given twice");
			}
			return list.get(0);
		}

		List<String> all(String name) {
			return this.values.getOrDefault(name, List.of());
		}

		boolean flag(String name) {
			return this.values.containsKey(name);
		}

	}

}
