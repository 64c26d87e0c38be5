package dev.aisecurity.autoconfigure.integrity;

import dev.aisecurity.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.StandardOpenOption;

import dev.aisecurity.integrity.ArtifactLocator;
import dev.aisecurity.integrity.ArtifactSource;
import dev.aisecurity.integrity.ManifestSource;

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

	ResourceManifestSource(ResourceLoader resourceLoader, String manifestLocation, String signatureLocation) {
		this.resourceLoader = resourceLoader;
		this.manifest = resourceLoader.getResource(manifestLocation);
		this.signature = resourceLoader.getResource(signatureLocation);
	}

	@Override
	public String description() {
		return this.manifest.getDescription();
	}

	@Override
	public byte[] readManifest() throws IOException {
		return read(this.manifest);
	}

	@Override
	public byte[] readSignature() throws IOException {
		return this.signature.exists() ? read(this.signature) : null;
	}

	@Override
	public ArtifactLocator artifacts() {
		return (location) -> source(resolve(location));
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
