package dev.aisecurity.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a model directory as model signing sees them: regular files under the
 * directory, named by their '/'-separated path relative to it, minus ignored paths (a
 * path also ignores everything below it) and the signature file itself.
 */
public final class ModelDirectory {

	private ModelDirectory() {
	}

	/**
	 * List the files of a model directory.
	 * @param root the directory
	 * @param ignorePaths relative paths to leave out
	 * @param excluded files to leave out wherever they are (the signature file)
	 * @param allowSymlinks whether symbolic links are followed; if not, a link is refused
	 * @return the files by relative name, sorted by name
	 * @throws ModelIntegrityException ({@code model-artifact-symlink}) for a link when
	 * links are not allowed, ({@code model-artifact-unavailable}) if the directory cannot
	 * be read
	 */
	public static Map<String, Path> files(Path root, Collection<String> ignorePaths, Collection<Path> excluded,
			boolean allowSymlinks) {
		Path base = root.toAbsolutePath().normalize();
		if (!Files.isDirectory(base)) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					"Model directory " + root + " does not exist or is not a directory");
		}
		Set<Path> skip = new java.util.HashSet<>();
		for (Path path : excluded) {
			skip.add(path.toAbsolutePath().normalize());
		}
		Map<String, Path> files = new TreeMap<>();
		FileVisitOption[] options = allowSymlinks ? new FileVisitOption[] { FileVisitOption.FOLLOW_LINKS }
				: new FileVisitOption[0];
		try (Stream<Path> walk = Files.walk(base, options)) {
			for (Path path : (Iterable<Path>) walk::iterator) {
				if (path.equals(base)) {
					continue;
				}
				String name = relativeName(base, path);
				if (ignored(name, ignorePaths) || skip.contains(path)) {
					continue;
				}
				if (!allowSymlinks && Files.isSymbolicLink(path)) {
					throw new ModelIntegrityException(ModelIntegrityException.Reason.SYMLINK_REFUSED,
							"Model directory " + root + " contains symbolic link '" + name
									+ "', which the signature does not allow (allow_symlinks is false)");
				}
				if (Files.isRegularFile(path,
						allowSymlinks ? new LinkOption[0] : new LinkOption[] { LinkOption.NOFOLLOW_LINKS })) {
					files.put(name, path);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ModelIntegrityException(ModelIntegrityException.Reason.ARTIFACT_UNAVAILABLE,
					"Model directory " + root + " cannot be listed: " + ex.getClass().getSimpleName(), ex);
		}
		return files;
	}

	/**
	 * The default paths model_signing leaves out besides the signature file: git
	 * metadata.
	 * @return the paths
	 */
	public static List<String> defaultIgnorePaths() {
		return List.of(".git", ".gitattributes", ".github", ".gitignore");
	}

	static boolean ignored(String name, Collection<String> ignorePaths) {
		for (String ignore : ignorePaths) {
			String prefix = stripSlashes(ignore);
			if (!prefix.isEmpty() && (name.equals(prefix) || name.startsWith(prefix + "/"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Check that a name from a signed statement is a plain relative path inside the model
	 * directory: no absolute path, no '.' or '..' segment, no empty segment, no backslash
	 * or control character.
	 * @param name the name
	 * @throws IllegalArgumentException if it is not
	 */
	static void requireSafeRelativePath(String name) {
		if (name == null || name.isEmpty() || name.startsWith("/")) {
			throw new IllegalArgumentException("A file name must be a non-empty relative path");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\\') {
				throw new IllegalArgumentException("A file name contains a control character or backslash");
			}
		}
		for (String segment : name.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException(
						"File name '" + ModelSigningStatement.bounded(name) + "' has an empty, '.' or '..' segment");
			}
		}
	}

	private static String relativeName(Path base, Path path) {
		List<String> parts = new ArrayList<>();
		for (Path part : base.relativize(path)) {
			parts.add(part.toString());
		}
		return String.join("/", parts);
	}

	private static String stripSlashes(String path) {
		String result = path;
		while (result.startsWith("./")) {
			result = result.substring(2);
		}
		while (result.endsWith("/")) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

}
