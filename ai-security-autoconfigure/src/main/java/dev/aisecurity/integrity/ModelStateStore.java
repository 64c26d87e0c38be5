package dev.aisecurity.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the {@link ModelState} (active version, last known good) between restarts.
 */
public interface ModelStateStore {

	/**
	 * Load the state.
	 * @return the state, {@link ModelState#EMPTY} if none was saved
	 */
	ModelState load();

	/**
	 * Save the state.
	 * @param state the state
	 */
	void save(ModelState state);

	/**
	 * A store that forgets everything on restart.
	 * @return the store
	 */
	static ModelStateStore inMemory() {
		return new ModelStateStore() {

			private volatile ModelState state = ModelState.EMPTY;

			@Override
			public ModelState load() {
				return this.state;
			}

			@Override
			public void save(ModelState state) {
				this.state = state;
			}

		};
	}

	/**
	 * A store in a small JSON file, replaced atomically on save.
	 * @param file the file
	 * @return the store
	 */
	static ModelStateStore file(Path file) {
		return new ModelStateStore() {

			@Override
			public ModelState load() {
				if (!Files.exists(file)) {
					return ModelState.EMPTY;
				}
				try {
					return ModelState.fromJson(Files.readAllBytes(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot read model state file " + file, ex);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException("Model state file " + file + " is invalid: " + ex.getMessage());
				}
			}

			@Override
			public void save(ModelState state) {
				try {
					Path parent = file.toAbsolutePath().getParent();
					Files.createDirectories(parent);
					Path temp = Files.createTempFile(parent, ".model-state", ".tmp");
					Files.write(temp, state.toJson());
					try {
						Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					}
					catch (AtomicMoveNotSupportedException ex) {
						Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot write model state file " + file, ex);
				}
			}

		};
	}

}
