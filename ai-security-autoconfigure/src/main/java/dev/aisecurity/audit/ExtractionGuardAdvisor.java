package dev.aisecurity.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.extraction.ExtractionAction;
import dev.aisecurity.guard.extraction.ExtractionAssessment;
import dev.aisecurity.guard.extraction.ExtractionDetector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Feeds every ChatClient request to the {@link ExtractionDetector} (per principal) and
 * acts on its assessment: an event, an audit event and a metric
 * ({@code ai.security.extraction}, tags action and enforced) when suspicious, and a
 * refusal ({@link AiGuardException} with code {@value #CODE}) when the detector asks for
 * a block and blocking is allowed. Ordered inside the audit advisor, so refusals are
 * audited.
 */
public final class ExtractionGuardAdvisor implements CallAdvisor, StreamAdvisor {

	/** Default order: just inside the audit advisor. */
	public static final int ORDER = AiAuditAdvisor.ORDER + 10;

	/** Reason code of a refusal. */
	public static final String CODE = "MODEL_EXTRACTION_SUSPECTED";

	/** Reason code of a refusal because the detector's store could not be reached. */
	public static final String UNAVAILABLE_CODE = "EXTRACTION_STATE_UNAVAILABLE";

	private static final Log logger = LogFactory.getLog(ExtractionGuardAdvisor.class);

	/** Metric name. */
	public static final String METRIC = "ai.security.extraction";

	private final ExtractionDetector detector;

	private final AuditCallerResolver callers;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final ExtractionAction maxAction;

	private final Clock clock;

	public ExtractionGuardAdvisor(ExtractionDetector detector, AuditCallerResolver callers,
			ApplicationEventPublisher events, MeterRegistry meters, ExtractionAction maxAction, Clock clock) {
		this.detector = detector;
		this.callers = callers;
		this.events = events;
		this.meters = meters;
		this.maxAction = maxAction;
		this.clock = clock;
	}

	@Override
	public String getName() {
		return "AiSecurityExtractionGuard";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		String principal = check(request);
		ChatClientResponse response = chain.nextCall(request);
		recordOutput(principal, response);
		return response;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		String principal;
		try {
			principal = check(request);
		}
		catch (AiGuardException ex) {
			return Flux.error(ex);
		}
		return chain.nextStream(request).doOnNext((response) -> recordOutput(principal, response));
	}

	private String check(ChatClientRequest request) {
		AuditCaller caller = this.callers.resolve();
		String principal = caller.principal();
		if ("none".equals(caller.authenticationMethod())) {
			// Unauthenticated callers share one name: one window for all would block them
			// all.
			return principal;
		}
		StringBuilder prompt = new StringBuilder();
		for (Message message : request.prompt().getInstructions()) {
			if (message.getMessageType() == MessageType.USER && message.getText() != null) {
				prompt.append(message.getText()).append('\n');
			}
		}
		long now = this.clock.millis();
		ExtractionAssessment assessment;
		try {
			assessment = this.detector.observe(principal, prompt.toString(), now);
		}
		catch (RuntimeException ex) {
			// a guard that cannot decide blocks (e.g. the shared store is unreachable)
			logger.warn("Model-extraction state unavailable, request refused: " + ex.getClass().getName());
			throw new AiGuardException(Direction.INPUT, Set.of(UNAVAILABLE_CODE));
		}
		if (assessment.action() == ExtractionAction.NONE) {
			return principal;
		}
		boolean block = assessment.action() == ExtractionAction.BLOCK && this.maxAction == ExtractionAction.BLOCK;
		boolean throttle = !block && assessment.action().compareTo(ExtractionAction.THROTTLE) >= 0
				&& this.maxAction.compareTo(ExtractionAction.THROTTLE) >= 0;
		// the throttle itself is applied by the rate limiter (ExtractionTierThrottle)
		String enforced = block ? "block" : (throttle ? "throttle" : "alert");
		if (this.meters != null) {
			Counter.builder(METRIC)
				.description("Requests assessed as model extraction")
				.tag("action", assessment.action().name().toLowerCase(Locale.ROOT))
				.tag("enforced", enforced)
				.register(this.meters)
				.increment();
		}
		this.events.publishEvent(new ModelExtractionEvent(this.clock.instant(), principal, assessment, enforced));
		this.events
			.publishEvent(new AuditApplicationEvent(this.clock.instant(), principal, ModelExtractionEvent.AUDIT_TYPE,
					Map.of("score", assessment.score(), "action", assessment.action().name(), "enforced", enforced,
							"requests", assessment.requests(), "templatedShare", assessment.templatedShare(),
							"nearDuplicateShare", assessment.nearDuplicateShare())));
		if (block) {
			throw new AiGuardException(Direction.INPUT, Set.of(CODE));
		}
		return principal;
	}

	private void recordOutput(String principal, ChatClientResponse response) {
		if (response.chatResponse() != null && response.chatResponse().getMetadata() != null
				&& response.chatResponse().getMetadata().getUsage() != null) {
			Integer tokens = response.chatResponse().getMetadata().getUsage().getCompletionTokens();
			if (tokens != null) {
				try {
					this.detector.recordOutput(principal, tokens, this.clock.millis());
				}
				catch (RuntimeException ex) {
					// the answer is already there; the next request fails closed if the
					// store stays unreachable
					logger.warn("Model-extraction output not recorded: " + ex.getClass().getName());
				}
			}
		}
	}

}
