package dev.aisecurity.autoconfigure.integrity;

import org.springframework.context.ApplicationEvent;

/**
 * Published when another verified model version becomes active (a rollback), so that
 * beans holding a loaded model can reload it from
 * {@link dev.aisecurity.integrity.ModelIntegrityManager#activeArtifact(String)}.
 */
public class ModelVersionActivatedEvent extends ApplicationEvent {

	private final String previousVersion;

	private final String activeVersion;

	/**
	 * Create an event.
	 * @param source the publisher
	 * @param previousVersion the version that was active
	 * @param activeVersion the version now active
	 */
	public ModelVersionActivatedEvent(Object source, String previousVersion, String activeVersion) {
		super(source);
		this.previousVersion = previousVersion;
		this.activeVersion = activeVersion;
	}

	/**
	 * The version that was active.
	 * @return the label
	 */
	public String getPreviousVersion() {
		return this.previousVersion;
	}

	/**
	 * The version now active.
	 * @return the label
	 */
	public String getActiveVersion() {
		return this.activeVersion;
	}

}
