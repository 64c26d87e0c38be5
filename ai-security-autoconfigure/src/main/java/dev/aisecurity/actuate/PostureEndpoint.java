package dev.aisecurity.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code aisecurity} actuator endpoint: {@code GET /actuator/aisecurity} evaluates
 * the deployment checklist now and lists each control with its status
 * ({@code active}/{@code degraded}/{@code missing}), evidence and advice. Reading needs
 * the admin role (the {@code aimodels} authoriser's read rule by default).
 */
@WebEndpoint(id = "aisecurity")
public class PostureEndpoint {

	private final PostureEvaluator evaluator;

	private final Runnable authorizeRead;

	/**
	 * Create the endpoint.
	 * @param evaluator evaluates the checklist
	 * @param authorizeRead throws when the caller may not read the posture
	 */
	public PostureEndpoint(PostureEvaluator evaluator, Runnable authorizeRead) {
		this.evaluator = evaluator;
		this.authorizeRead = authorizeRead;
	}

	/**
	 * The posture.
	 * @return profile, counts and controls
	 */
	@ReadOperation
	public Map<String, Object> posture() {
		this.authorizeRead.run();
		return describe(this.evaluator.evaluate());
	}

	/**
	 * The JSON form of a report, as this endpoint answers it.
	 * @param report the report
	 * @return profile, counts and controls
	 */
	public static Map<String, Object> describe(PostureReport report) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("production", report.production());
		body.put("activeProfiles", report.activeProfiles());
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (PostureControl.Status status : PostureControl.Status.values()) {
			counts.put(status.label(), 0);
		}
		List<Map<String, Object>> controls = new ArrayList<>();
		for (PostureControl control : report.controls()) {
			counts.merge(control.status().label(), 1, Integer::sum);
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", control.id());
			item.put("status", control.status().label());
			item.put("evidence", control.evidence());
			item.put("advice", control.advice());
			controls.add(item);
		}
		body.put("summary", counts);
		body.put("controls", controls);
		return body;
	}

}
