package dev.aisecurity.autoconfigure.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.aisecurity.actuate.PostureContributor;
import dev.aisecurity.actuate.PostureControl;

import dev.aisecurity.audit.AuditCallerResolver;
import dev.aisecurity.audit.AuditableEventBridge;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.injection.PromptInjectionAutoConfiguration;
import dev.aisecurity.autoconfigure.pii.PiiAutoConfiguration;
import dev.aisecurity.autoconfigure.secrets.SecretDetectionAutoConfiguration;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.guard.injection.PromptInjectionScanner;
import dev.aisecurity.guard.pii.PiiAnalyzer;
import dev.aisecurity.guard.secrets.SecretScanner;
import dev.aisecurity.rag.IngestionAction;
import dev.aisecurity.rag.IngestionGuard;
import dev.aisecurity.rag.QuarantineHandler;
import dev.aisecurity.rag.RetrievalGuardAdvisor;
import dev.aisecurity.rag.Spotlighting;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.document.DocumentTransformer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Document guards for retrieval-augmented generation: an {@link IngestionGuard} (a Spring
 * AI ETL {@link DocumentTransformer}) to put between splitter and vector store, and a
 * {@link RetrievalGuardAdvisor} added to every ChatClient built from the auto-configured
 * builder, which scans the documents QuestionAnswerAdvisor and
 * RetrievalAugmentationAdvisor retrieve before the model reads them. Both judge documents
 * with the application's PII analyzer, secret rules and prompt-injection scanner (with
 * its classifiers). Their audit events are published as application events and, with the
 * actuator, as Boot audit events. Off with {@code ai.security.rag.enabled=false}; each
 * bean backs off to a user-defined one.
 */
@AutoConfiguration(after = { AiSecurityAutoConfiguration.class, PiiAutoConfiguration.class,
		SecretDetectionAutoConfiguration.class, PromptInjectionAutoConfiguration.class })
@ConditionalOnClass({ DocumentTransformer.class, DocumentGuard.class })
@ConditionalOnBooleanProperty(name = "ai.security.rag.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RagSecurityProperties.class)
public class RagSecurityAutoConfiguration {

	/** Bean name of the ingestion document guard. */
	public static final String INGESTION_GUARD = "aiSecurityIngestionDocumentGuard";

	/** Bean name of the retrieval document guard. */
	public static final String RETRIEVAL_GUARD = "aiSecurityRetrievalDocumentGuard";

	/** Bean name of the customizer that adds the retrieval guard to every ChatClient. */
	public static final String CUSTOMIZER = "aiSecurityRetrievalGuardCustomizer";

	private static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContextHolder";

	@Bean(name = INGESTION_GUARD)
	@ConditionalOnMissingBean(name = INGESTION_GUARD)
	DocumentGuard aiSecurityIngestionDocumentGuard(RagSecurityProperties properties,
			ObjectProvider<PromptInjectionScanner> prompts, ObjectProvider<SecretScanner> secrets,
			ObjectProvider<PiiAnalyzer> analyzer, Environment environment) {
		return DocumentGuards.build(DocumentGuards.Options.ingestion(properties),
				new DocumentGuards.Detectors(prompts, secrets, analyzer, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ai.security.rag.ingestion.enabled", matchIfMissing = true)
	IngestionGuard aiSecurityIngestionGuard(@Qualifier(INGESTION_GUARD) DocumentGuard guard,
			RagSecurityProperties properties, ObjectProvider<QuarantineHandler> quarantine,
			ApplicationEventPublisher publisher, ObjectProvider<AuditCallerResolver> callers) {
		RagSecurityProperties.Ingestion ingestion = properties.getIngestion();
		return IngestionGuard.builder(guard)
			.action(ingestion.getOnPoisoned())
			.quarantine(quarantine.getIfAvailable())
			.pipelineVersion(ingestion.getPipelineVersion())
			.nearDuplicates(ingestion.getMaxNearDuplicates(), ingestion.getNearDuplicateDistance())
			.sourceKeys(ingestion.getSourceKeys())
			.audit(publisher::publishEvent)
			.principal(principal(callers, "system"))
			.build();
	}

	/**
	 * The name of the caller on the current thread: from the audit caller resolver when
	 * defined, else from Spring Security's context when present.
	 */
	static Supplier<String> principal(ObjectProvider<AuditCallerResolver> callers, String fallback) {
		AuditCallerResolver resolver = callers.getIfAvailable();
		if (resolver != null) {
			return () -> resolver.resolve().principal();
		}
		if (ClassUtils.isPresent(SECURITY_CONTEXT, RagSecurityAutoConfiguration.class.getClassLoader())) {
			return () -> SecurityPrincipal.name(fallback);
		}
		return () -> fallback;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	@ConditionalOnBooleanProperty(name = "ai.security.rag.retrieval.enabled", matchIfMissing = true)
	static class RetrievalConfiguration {

		@Bean(name = RETRIEVAL_GUARD)
		@ConditionalOnMissingBean(name = RETRIEVAL_GUARD)
		DocumentGuard aiSecurityRetrievalDocumentGuard(RagSecurityProperties properties,
				ObjectProvider<PromptInjectionScanner> prompts, ObjectProvider<SecretScanner> secrets,
				ObjectProvider<PiiAnalyzer> analyzer, Environment environment) {
			return DocumentGuards.build(DocumentGuards.Options.retrieval(properties),
					new DocumentGuards.Detectors(prompts, secrets, analyzer, environment));
		}

		@Bean
		@ConditionalOnMissingBean
		RetrievalGuardAdvisor aiSecurityRetrievalGuardAdvisor(@Qualifier(RETRIEVAL_GUARD) DocumentGuard guard,
				RagSecurityProperties properties, ApplicationEventPublisher publisher,
				ObjectProvider<AuditCallerResolver> callers) {
			RagSecurityProperties.Retrieval retrieval = properties.getRetrieval();
			return RetrievalGuardAdvisor.builder(guard)
				.spotlighting(new Spotlighting(retrieval.getSpotlighting().getMode(),
						retrieval.getSpotlighting().getNotice()))
				.contextKeys(retrieval.getContextKeys())
				.requireProvenance(retrieval.isRequireProvenance())
				.order(retrieval.getOrder())
				.audit(publisher::publishEvent)
				.principal(principal(callers, "anonymous"))
				.build();
		}

		@Bean(name = CUSTOMIZER)
		@ConditionalOnMissingBean(name = CUSTOMIZER)
		ChatClientBuilderCustomizer aiSecurityRetrievalGuardCustomizer(RetrievalGuardAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	@Bean
	@ConditionalOnMissingBean(name = "aiSecurityRagPostureContributor")
	PostureContributor aiSecurityRagPostureContributor(ObjectProvider<IngestionGuard> ingestion,
			ObjectProvider<RetrievalGuardAdvisor> retrieval, RagSecurityProperties properties) {
		return () -> {
			List<PostureControl> controls = new ArrayList<>();
			if (ingestion.getIfAvailable() == null) {
				controls.add(new PostureControl("rag-ingestion-guard", PostureControl.Status.MISSING,
						"no IngestionGuard bean", "Keep ai.security.rag.ingestion.enabled=true and put the "
								+ "IngestionGuard between splitter and vector store."));
			}
			else {
				String evidence = "bean IngestionGuard, ai.security.rag.ingestion.on-poisoned="
						+ properties.getIngestion().getOnPoisoned();
				controls.add((properties.getIngestion().getOnPoisoned() == IngestionAction.TAG) ? new PostureControl(
						"rag-ingestion-guard", PostureControl.Status.DEGRADED, evidence,
						"Tagged poisoned documents stay in the store: filter ai_security_verdict at query time.")
						: PostureControl.active("rag-ingestion-guard", evidence));
			}
			RetrievalGuardAdvisor advisor = retrieval.getIfAvailable();
			Spotlighting.Mode mode = properties.getRetrieval().getSpotlighting().getMode();
			if (advisor == null) {
				controls.add(new PostureControl("rag-retrieval-guard", PostureControl.Status.MISSING,
						"no RetrievalGuardAdvisor bean",
						"Keep ai.security.rag.retrieval.enabled=true so retrieved documents are scanned."));
			}
			else if (mode == Spotlighting.Mode.NONE) {
				controls.add(new PostureControl("rag-retrieval-guard", PostureControl.Status.DEGRADED,
						"bean RetrievalGuardAdvisor, ai.security.rag.retrieval.spotlighting.mode=NONE",
						"Mark retrieved content (spotlighting.mode=DELIMIT or DATAMARK)."));
			}
			else {
				controls.add(PostureControl.active("rag-retrieval-guard",
						"bean RetrievalGuardAdvisor, ai.security.rag.retrieval.spotlighting.mode=" + mode
								+ ", on-injection=" + properties.getRetrieval().getOnInjection()));
			}
			return controls;
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuditApplicationEvent.class)
	@ConditionalOnBooleanProperty(name = "ai.security.audit.events", matchIfMissing = true)
	static class AuditEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditableEventBridge aiSecurityAuditableEventBridge(ApplicationEventPublisher publisher) {
			return new AuditableEventBridge(publisher);
		}

	}

}
