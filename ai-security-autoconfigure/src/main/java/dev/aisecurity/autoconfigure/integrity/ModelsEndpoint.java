package dev.aisecurity.autoconfigure.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.aisecurity.integrity.ModelIntegrityException;
import dev.aisecurity.integrity.ModelIntegrityManager;
import dev.aisecurity.integrity.ModelInventory;
import dev.aisecurity.integrity.VersionVerification;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The {@code aimodels} actuator endpoint: {@code GET /actuator/aimodels} lists the
 * manifest's versions, their artifacts and verification status and time;
 * {@code POST /actuator/aimodels/verify} verifies the active version again and
 * {@code POST /actuator/aimodels/rollback} rolls back to the last known good version.
 * <p>
 * Every call goes through the {@link ModelOperationAuthorizer} (by default: role ADMIN,
 * plus multi-factor authentication for the write operations). Operations are audited as
 * {@link AuditApplicationEvent}s with metadata only (principal, versions, outcome code).
 */
@WebEndpoint(id = "aimodels")
public class ModelsEndpoint {

	/** Audit type of a successful rollback. */
	public static final String AUDIT_ROLLBACK = "AI_MODEL_ROLLBACK";

	/** Audit type of a rollback that failed verification or had no target. */
	public static final String AUDIT_ROLLBACK_FAILED = "AI_MODEL_ROLLBACK_FAILED";

	/** Audit type of an on-demand verification. */
	public static final String AUDIT_VERIFY = "AI_MODEL_VERIFY";

	/** Audit type of a refused operation. */
	public static final String AUDIT_DENIED = "AI_MODEL_OPERATION_DENIED";

	private final ModelIntegrityManager manager;

	private final ModelOperationAuthorizer authorizer;

	private final ApplicationEventPublisher publisher;

	/**
	 * Create the endpoint.
	 * @param manager the model integrity manager
	 * @param authorizer decides who may call
	 * @param publisher publishes audit and activation events
	 */
	public ModelsEndpoint(ModelIntegrityManager manager, ModelOperationAuthorizer authorizer,
			ApplicationEventPublisher publisher) {
		this.manager = manager;
		this.authorizer = authorizer;
		this.publisher = publisher;
	}

	/**
	 * The inventory.
	 * @return versions, artifacts and their verification status
	 */
	@ReadOperation
	public Object inventory() {
		try {
			this.authorizer.authorize(ModelOperationAuthorizer.Operation.READ);
		}
		catch (ModelOperationDeniedException ex) {
			return problem(403, "model-operation-denied", "Forbidden", ex.getMessage());
		}
		if (!this.manager.isInitialized()) {
			return Map.of("status", "NOT_VERIFIED");
		}
		return this.manager.inventory();
	}

	/**
	 * Run an operation: {@code verify} or {@code rollback}.
	 * @param securityContext the caller, for the audit record
	 * @param operation the operation
	 * @return the outcome, or an RFC 9457 problem
	 */
	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> operate(SecurityContext securityContext,
			@Selector String operation) {
		String principal = (securityContext.getPrincipal() != null) ? securityContext.getPrincipal().getName()
				: "anonymous";
		ModelOperationAuthorizer.Operation parsed = switch (operation) {
			case "verify" -> ModelOperationAuthorizer.Operation.VERIFY;
			case "rollback" -> ModelOperationAuthorizer.Operation.ROLLBACK;
			default -> null;
		};
		if (parsed == null) {
			return problem(WebEndpointResponse.STATUS_BAD_REQUEST, "model-operation-unknown", "Unknown operation",
					"Supported operations: verify, rollback");
		}
		try {
			this.authorizer.authorize(parsed);
		}
		catch (ModelOperationDeniedException ex) {
			audit(principal, AUDIT_DENIED, Map.of("operation", operation));
			return problem(403, "model-operation-denied", "Forbidden", ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Spring Security's exceptions: its handling answers 401, 403 or asks for a
			// factor
			audit(principal, AUDIT_DENIED, Map.of("operation", operation));
			throw ex;
		}
		return (parsed == ModelOperationAuthorizer.Operation.ROLLBACK) ? rollback(principal) : verify(principal);
	}

	private WebEndpointResponse<Map<String, Object>> rollback(String principal) {
		String from = this.manager.isInitialized() ? this.manager.activeVersion().version() : null;
		try {
			ModelIntegrityManager.Rollback rollback = this.manager.rollback();
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("from", rollback.fromVersion());
			data.put("to", rollback.toVersion());
			data.put("outcome", "SUCCESS");
			audit(principal, AUDIT_ROLLBACK, data);
			this.publisher
				.publishEvent(new ModelVersionActivatedEvent(this, rollback.fromVersion(), rollback.toVersion()));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("previousVersion", rollback.fromVersion());
			body.put("activeVersion", rollback.toVersion());
			body.put("verifiedAt", rollback.verification().verifiedAt().toString());
			return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
		}
		catch (ModelIntegrityException | IllegalStateException ex) {
			String code = (ex instanceof ModelIntegrityException integrity) ? integrity.reason().code()
					: "model-rollback-unavailable";
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("from", String.valueOf(from));
			data.put("outcome", code);
			audit(principal, AUDIT_ROLLBACK_FAILED, data);
			return problem(409, code, "Rollback refused", ex.getMessage());
		}
	}

	private WebEndpointResponse<Map<String, Object>> verify(String principal) {
		try {
			VersionVerification verification = this.manager.isInitialized() ? this.manager.verifyActive()
					: this.manager.initialize();
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("version", verification.version());
			data.put("outcome", verification.verified() ? "VERIFIED" : "FAILED");
			audit(principal, AUDIT_VERIFY, data);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("version", verification.version());
			body.put("status", verification.verified() ? "VERIFIED" : "FAILED");
			body.put("verifiedAt", verification.verifiedAt().toString());
			body.put("artifacts", verification.artifacts());
			return new WebEndpointResponse<>(body, verification.verified() ? WebEndpointResponse.STATUS_OK : 409);
		}
		catch (ModelIntegrityException ex) {
			audit(principal, AUDIT_VERIFY, Map.of("outcome", ex.reason().code()));
			return problem(409, ex.reason().code(), "Verification failed", ex.getMessage());
		}
	}

	private void audit(String principal, String type, Map<String, Object> data) {
		this.publisher.publishEvent(new AuditApplicationEvent(principal, type, data));
	}

	private static WebEndpointResponse<Map<String, Object>> problem(int status, String code, String title,
			String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("code", code);
		body.put("detail", detail);
		return new WebEndpointResponse<>(body, status);
	}

}
