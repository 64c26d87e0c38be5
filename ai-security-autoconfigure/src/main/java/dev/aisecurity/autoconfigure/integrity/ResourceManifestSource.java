package dev.aisecurity.autoconfigure.integrity;

import dev.aisecurity.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dev.aisecurity.integrity.ArtifactLocator;
import dev.aisecurity.integrity.ArtifactSource;
import dev.aisecurity.integrity.ManifestSource;
import dev.aisecurity.integrity.ModelBundle;
import dev.aisecurity.integrity.ModelManifest;
import dev.aisecurity.integrity.ModelVersion;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * A {@link ManifestSource} on Spring {@link Resource}s, so that manifests and artifacts
 * can live on the class path as well as in files. Relative artifact paths resolve against
 * the manifest; absolute paths and URIs as they are.
 */
class ResourceManifestSource implements ManifestSource {

	private final ResourceLoader resourceLoader;

	private final Resource manifest;

	private final Resource signature;

	private final byte[] configuredManifest;

	ResourceManifestSource(ResourceLoader resourceLoader, String manifestLocation, String signatureLocation) {
		this.resourceLoader = resourceLoader;
		this.manifest = resourceLoader.getResource(manifestLocation);
		this.signature = resourceLoader.getResource(signatureLocation);
		this.configuredManifest = null;
	}

	private ResourceManifestSource(ResourceLoader resourceLoader, Resource bundle, byte[] configuredManifest) {
		this.resourceLoader = resourceLoader;
		this.manifest = bundle;
		this.signature = null;
		this.configuredManifest = configuredManifest;
	}

	/**
	 * A source for one model directory signed in a Sigstore bundle, configured without a
	 * manifest: the manifest is made from the configuration (so it needs no signature of
	 * its own) and lists the bundle as the only entry of one version.
	 * @param resourceLoader resolves locations
	 * @param bundleLocation the bundle
	 * @param modelDirectory the model directory, or {@code null} for the bundle's
	 * directory
	 * @return the source
	 */
	static ResourceManifestSource forBundle(ResourceLoader resourceLoader, String bundleLocation,
			String modelDirectory) {
		Resource bundle = resourceLoader.getResource(bundleLocation);
		String fileName = bundle.getFilename();
		if (fileName == null || fileName.isEmpty()) {
			throw new IllegalStateException("Sigstore bundle location " + bundleLocation + " names no file");
		}
		// Relative to the bundle resource itself: its own file name, and "." for its
		// directory
		ModelBundle entry = new ModelBundle("model", fileName, (modelDirectory != null) ? modelDirectory : ".");
		ModelManifest manifest = ModelManifest.of("sigstore-bundle",
				List.of(new ModelVersion(BUNDLE_VERSION, List.of(), List.of(), List.of(entry))));
		return new ResourceManifestSource(resourceLoader, bundle, manifest.canonicalBytes());
	}

	/** The version label of a manifest made from a configured Sigstore bundle. */
	static final String BUNDLE_VERSION = "signed";

	/**
	 * Whether the manifest comes from configuration (a Sigstore bundle property), and so
	 * carries no signature of its own.
	 * @return {@code true} for a configured bundle
	 */
	boolean isConfiguredBundle() {
		return this.configuredManifest != null;
	}

	@Override
	public String description() {
		return this.manifest.getDescription();
	}

	@Override
	public byte[] readManifest() throws IOException {
		return (this.configuredManifest != null) ? this.configuredManifest.clone() : read(this.manifest);
	}

	@Override
	public byte[] readSignature() throws IOException {
		return (this.signature != null && this.signature.exists()) ? read(this.signature) : null;
	}

	@Override
	public ArtifactLocator artifacts() {
		return new ArtifactLocator() {

			@Override
			public ArtifactSource locate(String location) throws IOException {
				return source(resolve(location));
			}

			@Override
			public Path path(String location) throws IOException {
				Resource resource = resolve(location);
				try {
					return resource.getFile().toPath();
				}
				catch (IOException ex) {
					throw new IOException(resource.getDescription() + " is not on the file system (a model directory"
							+ " inside a jar cannot be listed)", ex);
				}
			}

		};
	}

	/**
	 * Resolve an artifact location to a resource.
	 * @param location the manifest path
	 * @return the resource
	 * @throws IOException if a relative resource cannot be created
	 */
	Resource resolve(String location) throws IOException {
		if (location.startsWith("/")) {
			return this.resourceLoader.getResource("file:" + location);
		}
		if (hasScheme(location)) {
			return this.resourceLoader.getResource(location);
		}
		return this.manifest.createRelative(location);
	}

	/**
	 * The string to configure for a resource: {@code classpath:} form for class path
	 * resources, the URI otherwise.
	 * @param resource the resource
	 * @return a location Spring's resource loaders understand
	 * @throws IOException if the resource has no URI
	 */
	static String locationOf(Resource resource) throws IOException {
		if (resource instanceof ClassPathResource classPath) {
			return "classpath:" + classPath.getPath();
		}
		return resource.getURI().toString();
	}

	private static boolean hasScheme(String location) {
		int colon = location.indexOf(':');
		// "C:" alone is a Windows drive, not a scheme
		return colon > 1;
	}

	private static byte[] read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			byte[] bytes = in.readNBytes(Json.MAX_DOCUMENT_BYTES + 1);
			if (bytes.length > Json.MAX_DOCUMENT_BYTES) {
				throw new IOException("Manifest or signature larger than " + Json.MAX_DOCUMENT_BYTES + " bytes");
			}
			return bytes;
		}
	}

	private static ArtifactSource source(Resource resource) {
		return new ArtifactSource() {

			@Override
			public String description() {
				return resource.getDescription();
			}

			@Override
			public long size() throws IOException {
				return resource.contentLength();
			}

			@Override
			public ReadableByteChannel open() throws IOException {
				if (resource.isFile()) {
					return FileChannel.open(resource.getFile().toPath(), StandardOpenOption.READ);
				}
				return Channels.newChannel(resource.getInputStream());
			}

		};
	}

}
