package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * The PII scanner: reports each piece of personal data as a finding with code
 * {@code PII_<TYPE>} and the replacement chosen by the type's operator. By default model
 * output is sanitised and input only monitored (reversible tokenisation, when enabled,
 * keeps input PII away from the provider without changing what the user meant).
 */
public final class PiiScanner implements Scanner {

	public static final String ID = "pii";

	public static final String CATEGORY = "pii";

	/** Prefix of finding codes, followed by the entity type. */
	public static final String CODE_PREFIX = "PII_";

	/** Default threshold; per-type minimum scores in the analyzer apply first. */
	public static final double DEFAULT_THRESHOLD = PiiAnalyzer.DEFAULT_MIN_SCORE;

	private final PiiAnalyzer analyzer;

	private final PiiOperator defaultOperator;

	private final Map<String, PiiOperator> operators;

	private final Map<String, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

	private PiiScanner(Builder builder) {
		this.analyzer = builder.analyzer;
		this.defaultOperator = builder.defaultOperator;
		this.operators = Map.copyOf(builder.operators);
	}

	/**
	 * A scanner with the built-in recognisers, default scores and the replace operator.
	 */
	public static PiiScanner withDefaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ScannerPolicy defaultPolicy(Direction direction) {
		return (direction == Direction.OUTPUT) ? ScannerPolicy.sanitize(DEFAULT_THRESHOLD)
				: ScannerPolicy.monitor(DEFAULT_THRESHOLD);
	}

	public PiiAnalyzer analyzer() {
		return this.analyzer;
	}

	@Override
	public List<Finding> scan(GuardText text, ScanContext context) {
		String sanitized = text.sanitized();
		List<PiiEntity> entities = this.analyzer.analyze(sanitized);
		if (entities.isEmpty()) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>(entities.size());
		for (PiiEntity entity : entities) {
			String value = sanitized.substring(entity.start(), entity.end());
			String replacement = operatorFor(entity.type()).apply(entity.type(), value);
			findings.add(Finding.span(ID, CATEGORY, code(entity.type()), entity.score(), entity.start(), entity.end(),
					replacement));
		}
		return findings;
	}

	/**
	 * The finding code of a type, {@code PII_EMAIL_ADDRESS}.
	 */
	public String code(String type) {
		return this.codes.computeIfAbsent(type, (t) -> CODE_PREFIX + t);
	}

	PiiOperator operatorFor(String type) {
		return this.operators.getOrDefault(type, this.defaultOperator);
	}

	@Override
	public String toString() {
		return "PiiScanner[" + this.analyzer.supportedTypes().size() + " types]";
	}

	/**
	 * Builds a {@link PiiScanner}.
	 */
	public static final class Builder {

		private PiiAnalyzer analyzer;

		private PiiOperator defaultOperator = PiiOperators.replace();

		private final Map<String, PiiOperator> operators = new HashMap<>();

		private Builder() {
		}

		public Builder analyzer(PiiAnalyzer piiAnalyzer) {
			this.analyzer = Objects.requireNonNull(piiAnalyzer);
			return this;
		}

		/**
		 * The operator for types without their own.
		 */
		public Builder defaultOperator(PiiOperator operator) {
			this.defaultOperator = Objects.requireNonNull(operator);
			return this;
		}

		public Builder operator(String type, PiiOperator operator) {
			this.operators.put(type, Objects.requireNonNull(operator));
			return this;
		}

		public PiiScanner build() {
			if (this.analyzer == null) {
				this.analyzer = PiiAnalyzer.defaults();
			}
			return new PiiScanner(this);
		}

	}

}
