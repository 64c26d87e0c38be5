package dev.aisecurity.vault.hardcoded;

/**
 * A secret written literally into configuration: where it is, never what it is.
 *
 * @param property the property name as written in the source
 * @param source the property source's name (for files: the resource and location)
 * @param reason why the value counts as a secret, for example "secret-like property name"
 */
public record HardCodedSecret(String property, String source, String reason) {

	@Override
	public String toString() {
		return "'" + this.property + "' in " + this.source + " (" + this.reason + ")";
	}

}
