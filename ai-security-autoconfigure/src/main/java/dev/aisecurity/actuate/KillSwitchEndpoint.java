package dev.aisecurity.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The {@code aikillswitch} actuator endpoint: {@code GET /actuator/aikillswitch} shows
 * the state; {@code POST /actuator/aikillswitch/engage} and
 * {@code POST /actuator/aikillswitch/disengage} change it. Who may call is decided by the
 * authorisation hooks given to the constructor (by default the {@code aimodels}
 * authoriser: admin role to read, admin role plus MFA to change). Every change and every
 * refused attempt is audited as an {@link AuditApplicationEvent} with metadata only.
 */
@WebEndpoint(id = "aikillswitch")
public class KillSwitchEndpoint {

	/** Audit type of engaging the switch. */
	public static final String AUDIT_ENGAGED = "AI_KILL_SWITCH_ENGAGED";

	/** Audit type of disengaging the switch. */
	public static final String AUDIT_DISENGAGED = "AI_KILL_SWITCH_DISENGAGED";

	/** Audit type of a refused change. */
	public static final String AUDIT_DENIED = "AI_KILL_SWITCH_DENIED";

	private final KillSwitch killSwitch;

	private final Runnable authorizeRead;

	private final Runnable authorizeWrite;

	private final ApplicationEventPublisher publisher;

	/**
	 * Create the endpoint.
	 * @param killSwitch the switch
	 * @param authorizeRead throws when the caller may not read the state
	 * @param authorizeWrite throws when the caller may not change it
	 * @param publisher publishes audit events
	 */
	public KillSwitchEndpoint(KillSwitch killSwitch, Runnable authorizeRead, Runnable authorizeWrite,
			ApplicationEventPublisher publisher) {
		this.killSwitch = killSwitch;
		this.authorizeRead = authorizeRead;
		this.authorizeWrite = authorizeWrite;
		this.publisher = publisher;
	}

	/**
	 * The state.
	 * @return engaged, since and by whom
	 */
	@ReadOperation
	public Map<String, Object> state() {
		this.authorizeRead.run();
		return describe(this.killSwitch.state());
	}

	/**
	 * Engage or disengage.
	 * @param securityContext the caller
	 * @param action {@code engage} or {@code disengage}
	 * @return the new state, or a 400 problem
	 */
	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> change(SecurityContext securityContext, @Selector String action) {
		String principal = (securityContext.getPrincipal() != null) ? securityContext.getPrincipal().getName()
				: "anonymous";
		Boolean engage = switch (action) {
			case "engage" -> Boolean.TRUE;
			case "disengage" -> Boolean.FALSE;
			default -> null;
		};
		if (engage == null) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", "Unknown operation");
			problem.put("status", 400);
			problem.put("code", "AI_KILL_SWITCH_UNKNOWN_OPERATION");
			problem.put("detail", "Supported operations: engage, disengage");
			return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		try {
			this.authorizeWrite.run();
		}
		catch (RuntimeException ex) {
			audit(principal, AUDIT_DENIED, Map.of("operation", engage ? "engage" : "disengage"));
			throw ex;
		}
		KillSwitch.State previous = this.killSwitch.set(engage, principal);
		audit(principal, engage ? AUDIT_ENGAGED : AUDIT_DISENGAGED, Map.of("previouslyEngaged", previous.engaged()));
		return new WebEndpointResponse<>(describe(this.killSwitch.state()), WebEndpointResponse.STATUS_OK);
	}

	private void audit(String principal, String type, Map<String, Object> data) {
		this.publisher.publishEvent(new AuditApplicationEvent(principal, type, data));
	}

	private static Map<String, Object> describe(KillSwitch.State state) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("engaged", state.engaged());
		body.put("since", state.since().toString());
		body.put("changedBy", state.changedBy());
		return body;
	}

}
