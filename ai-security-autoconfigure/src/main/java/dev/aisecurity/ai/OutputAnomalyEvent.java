package dev.aisecurity.ai;

import org.springframework.context.ApplicationEvent;

/**
 * Published when model output looks unusual (see {@link OutputAnomalyDetector}). Carries
 * metadata only.
 */
public class OutputAnomalyEvent extends ApplicationEvent {

	private final OutputAnomaly anomaly;

	public OutputAnomalyEvent(Object source, OutputAnomaly anomaly) {
		super(source);
		this.anomaly = anomaly;
	}

	public OutputAnomaly getAnomaly() {
		return this.anomaly;
	}

	@Override
	public String toString() {
		return "OutputAnomalyEvent[" + this.anomaly + "]";
	}

}
