package dev.aisecurity.autoconfigure.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of model integrity: the signed model manifest, trusted keys, the active
 * version, start-up verification and the floating-alias check.
 */
@ConfigurationProperties(prefix = ModelIntegrityProperties.PREFIX)
public class ModelIntegrityProperties {

	/** The property prefix. */
	public static final String PREFIX = "ai.security.models";

	/**
	 * Location of the model manifest (JSON), for example 'classpath:models/manifest.json'
	 * or 'file:/opt/models/manifest.json'. Model integrity is off unless this or
	 * 'sigstore.bundle' is set.
	 */
	private String manifest;

	/**
	 * Location of the manifest's detached signature. Defaults to the manifest location
	 * followed by '.sig'.
	 */
	private String signature;

	/**
	 * Whether an unsigned manifest is refused. Turn off only in development.
	 */
	private boolean requireSignature = true;

	/**
	 * Public keys trusted to sign the manifest, by key id: PEM or base64 X.509
	 * SubjectPublicKeyInfo, Ed25519 or EC P-256. EC keys (P-256, P-384, P-521) also sign
	 * model directories in Sigstore bundles. Keys kept in Vault can be imported as
	 * configuration under the same names.
	 */
	private Map<String, String> trustedKeys = new LinkedHashMap<>();

	/**
	 * Version to activate. Defaults to the version recorded in the state file (which a
	 * rollback changes), else the newest version in the manifest.
	 */
	private String activeVersion;

	/**
	 * Whether the manifest and the active version's artifacts are verified at start-up,
	 * before any bean (and so any Spring AI model) is created.
	 */
	private boolean verifyOnStartup = true;

	/**
	 * File that keeps the active and last known good versions across restarts. Kept in
	 * memory only when unset.
	 */
	private String stateFile;

	/**
	 * How often hashing a large artifact logs its progress.
	 */
	private DataSize progressInterval = DataSize.ofMegabytes(256);

	/**
	 * Properties naming local model resources that must be listed in the active version
	 * and verified before Spring AI loads them. An artifact may also name its property in
	 * the manifest, which then sets it.
	 */
	private List<String> verifiedProperties = Arrays.asList("spring.ai.embedding.transformer.onnx.model-uri",
			"spring.ai.embedding.transformer.tokenizer.uri");

	/**
	 * Whether provider model names in 'spring.ai.*.model' properties and in the manifest
	 * are checked for floating aliases (names without a pinned snapshot).
	 */
	private boolean checkFloatingAliases = true;

	/**
	 * Whether a floating alias fails start-up. Unset: fail when a production profile is
	 * active, warn otherwise.
	 */
	private Boolean failOnFloatingAlias;

	/**
	 * Profiles in which a floating alias fails start-up (unless 'fail-on-floating-alias'
	 * says otherwise).
	 */
	private List<String> productionProfiles = List.of("prod");

	/**
	 * Undated model names known to be fixed, accepted as pinned.
	 */
	private List<String> pinnedAliases = Arrays.asList("text-embedding-3-small", "text-embedding-3-large");

	/**
	 * Who may use the 'aimodels' actuator endpoint.
	 */
	private final Admin admin = new Admin();

	/**
	 * A model directory signed with OpenSSF model signing, verified without a manifest.
	 */
	private final Sigstore sigstore = new Sigstore();

	public String getManifest() {
		return this.manifest;
	}

	public void setManifest(String manifest) {
		this.manifest = manifest;
	}

	public String getSignature() {
		return this.signature;
	}

	public void setSignature(String signature) {
		this.signature = signature;
	}

	/**
	 * The signature location, defaulting to the manifest location plus '.sig'.
	 * @return the location
	 */
	public String signatureLocation() {
		return (this.signature != null) ? this.signature : this.manifest + ".sig";
	}

	public boolean isRequireSignature() {
		return this.requireSignature;
	}

	public void setRequireSignature(boolean requireSignature) {
		this.requireSignature = requireSignature;
	}

	public Map<String, String> getTrustedKeys() {
		return this.trustedKeys;
	}

	public void setTrustedKeys(Map<String, String> trustedKeys) {
		this.trustedKeys = trustedKeys;
	}

	public String getActiveVersion() {
		return this.activeVersion;
	}

	public void setActiveVersion(String activeVersion) {
		this.activeVersion = activeVersion;
	}

	public boolean isVerifyOnStartup() {
		return this.verifyOnStartup;
	}

	public void setVerifyOnStartup(boolean verifyOnStartup) {
		this.verifyOnStartup = verifyOnStartup;
	}

	public String getStateFile() {
		return this.stateFile;
	}

	public void setStateFile(String stateFile) {
		this.stateFile = stateFile;
	}

	public DataSize getProgressInterval() {
		return this.progressInterval;
	}

	public void setProgressInterval(DataSize progressInterval) {
		this.progressInterval = progressInterval;
	}

	public List<String> getVerifiedProperties() {
		return this.verifiedProperties;
	}

	public void setVerifiedProperties(List<String> verifiedProperties) {
		this.verifiedProperties = verifiedProperties;
	}

	public boolean isCheckFloatingAliases() {
		return this.checkFloatingAliases;
	}

	public void setCheckFloatingAliases(boolean checkFloatingAliases) {
		this.checkFloatingAliases = checkFloatingAliases;
	}

	public Boolean getFailOnFloatingAlias() {
		return this.failOnFloatingAlias;
	}

	public void setFailOnFloatingAlias(Boolean failOnFloatingAlias) {
		this.failOnFloatingAlias = failOnFloatingAlias;
	}

	public List<String> getProductionProfiles() {
		return this.productionProfiles;
	}

	public void setProductionProfiles(List<String> productionProfiles) {
		this.productionProfiles = productionProfiles;
	}

	public List<String> getPinnedAliases() {
		return this.pinnedAliases;
	}

	public void setPinnedAliases(List<String> pinnedAliases) {
		this.pinnedAliases = pinnedAliases;
	}

	public Admin getAdmin() {
		return this.admin;
	}

	public Sigstore getSigstore() {
		return this.sigstore;
	}

	/**
	 * Whether model integrity is on: a manifest or a Sigstore bundle is configured.
	 * @return {@code true} if there is something to verify
	 */
	public boolean isEnabled() {
		return this.manifest != null || this.sigstore.getBundle() != null;
	}

	/**
	 * A model directory signed with OpenSSF model signing ('model_signing sign key'),
	 * configured directly instead of through a manifest. Manifests list such directories
	 * under 'sigstoreBundles' instead, with versions and rollback.
	 */
	public static class Sigstore {

		/**
		 * Location of the Sigstore bundle (model signing's 'model.sig') of a model
		 * directory, for example 'file:/opt/models/minilm/model.sig'. Verified at
		 * start-up against the trusted EC keys (P-256, P-384, P-521) when no manifest is
		 * set. Only key-signed bundles are supported; keyless (certificate) bundles are
		 * refused.
		 */
		private String bundle;

		/**
		 * The model directory the bundle signs. Defaults to the directory holding the
		 * bundle.
		 */
		private String modelDirectory;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

		public String getModelDirectory() {
			return this.modelDirectory;
		}

		public void setModelDirectory(String modelDirectory) {
			this.modelDirectory = modelDirectory;
		}

	}

	/**
	 * Authorization of the 'aimodels' actuator endpoint.
	 */
	public static class Admin {

		/**
		 * Role required to read the inventory and to run any operation.
		 */
		private String role = "ADMIN";

		/**
		 * Whether rollback and on-demand verification also require multi-factor
		 * authentication.
		 */
		private boolean mfa = true;

		/**
		 * Factor authorities that must all be present for rollback and on-demand
		 * verification when 'mfa' is on (Spring Security 7 FactorGrantedAuthority names,
		 * for example FACTOR_PASSWORD, FACTOR_OTT). Empty: the starter's MFA policy
		 * ('ai.security.mfa.*') when its web security is active, otherwise
		 * FACTOR_PASSWORD and FACTOR_OTT.
		 */
		private List<String> requiredFactors = new ArrayList<>();

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public boolean isMfa() {
			return this.mfa;
		}

		public void setMfa(boolean mfa) {
			this.mfa = mfa;
		}

		public List<String> getRequiredFactors() {
			return this.requiredFactors;
		}

		public void setRequiredFactors(List<String> requiredFactors) {
			this.requiredFactors = requiredFactors;
		}

	}

}
