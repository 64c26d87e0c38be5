package dev.aisecurity.integrity;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs a model directory in the OpenSSF model signing format, as
 * {@code model_signing sign key} does: every file (minus git metadata, the given ignore
 * paths and the bundle itself) hashed with SHA-256, listed in path order in an in-toto
 * statement, signed with an EC key into a Sigstore bundle.
 */
public final class ModelBundleSigner {

	private final StreamingDigester digester;

	/**
	 * Create a signer.
	 * @param digester hashes the files
	 */
	public ModelBundleSigner(StreamingDigester digester) {
		this.digester = digester;
	}

	/**
	 * Sign a model directory.
	 * @param directory the model directory
	 * @param bundleFile where the bundle will be written (left out if inside the
	 * directory)
	 * @param keyPair an EC key pair on P-256, P-384 or P-521
	 * @param ignorePaths further relative paths to leave out
	 * @return the bundle
	 * @throws IOException if a file cannot be read
	 */
	public SigstoreBundle sign(Path directory, Path bundleFile, KeyPair keyPair, List<String> ignorePaths)
			throws IOException {
		Path root = directory.toAbsolutePath().normalize();
		Path bundle = bundleFile.toAbsolutePath().normalize();
		Set<String> ignore = new LinkedHashSet<>(ignorePaths);
		if (bundle.startsWith(root)) {
			ignore.add(String.join("/", parts(root.relativize(bundle))));
		}
		ignore.addAll(ModelDirectory.defaultIgnorePaths());
		Map<String, Path> files = ModelDirectory.files(root, ignore, List.of(bundle), false);
		List<String> names = new ArrayList<>(files.keySet());
		// model_signing orders by path components, not by the joined string ("a/b" <
		// "a-c")
		names.sort(Comparator.comparing((String name) -> Arrays.asList(name.split("/")), ModelBundleSigner::compare));
		List<ModelSigningStatement.Resource> resources = new ArrayList<>();
		for (String name : names) {
			StreamingDigester.Digest digest = this.digester.digest(ArtifactLocator.file(files.get(name)));
			resources.add(new ModelSigningStatement.Resource(name, digest.sha256()));
		}
		if (resources.isEmpty()) {
			throw new IllegalArgumentException("Model directory " + directory + " has no files to sign");
		}
		Path name = root.getFileName();
		ModelSigningStatement statement = ModelSigningStatement.of((name != null) ? name.toString() : "model", false,
				List.copyOf(ignore), resources);
		return SigstoreBundleVerifier.sign(statement, keyPair.getPrivate(), keyPair.getPublic());
	}

	private static int compare(List<String> left, List<String> right) {
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int order = left.get(i).compareTo(right.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static List<String> parts(Path relative) {
		List<String> parts = new ArrayList<>();
		for (Path part : relative) {
			parts.add(part.toString());
		}
		return parts;
	}

}
