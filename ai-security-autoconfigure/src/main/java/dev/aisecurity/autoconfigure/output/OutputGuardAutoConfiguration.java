package dev.aisecurity.autoconfigure.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.aisecurity.ai.ModerationModelModerator;
import dev.aisecurity.ai.OutputAnomaly;
import dev.aisecurity.ai.OutputAnomalyDetector;
import dev.aisecurity.ai.OutputAnomalyEvent;
import dev.aisecurity.ai.OutputGuardAdvisor;
import dev.aisecurity.autoconfigure.guard.AiSecurityAutoConfiguration;
import dev.aisecurity.autoconfigure.guard.AiSecurityProperties;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.exfil.ExfiltrationScanner;
import dev.aisecurity.guard.leak.SystemPromptLeakScanner;
import dev.aisecurity.guard.moderation.ContentModerator;
import dev.aisecurity.guard.moderation.ModerationScanner;
import dev.aisecurity.guard.moderation.TermListModerator;
import dev.aisecurity.guard.stream.StreamingGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The output guard: the output detectors as {@code Scanner} beans (system-prompt leak,
 * exfiltration, moderation, which the
 * {@value AiSecurityAutoConfiguration#OUTPUT_PIPELINE} picks up), and an
 * {@link OutputGuardAdvisor} added to every ChatClient built from the auto-configured
 * builder through a {@link ChatClientBuilderCustomizer}. The advisor is off with
 * {@code ai.security.output.enabled=false}. When a Spring AI {@link ModerationModel} bean
 * exists, a {@link ModerationModelModerator} moderates with it as well.
 */
@AutoConfiguration(after = AiSecurityAutoConfiguration.class)
@EnableConfigurationProperties({ OutputGuardProperties.class, OutputDetectorsProperties.class })
public class OutputGuardAutoConfiguration {

	/** Bean name of the customizer that adds the output guard to every ChatClient. */
	public static final String CUSTOMIZER = "aiSecurityOutputGuardCustomizer";

	/** Metric counting unusual outputs, tagged by {@code kind}. */
	public static final String ANOMALY_METRIC = "ai.security.output.anomalies";

	@Bean
	@ConditionalOnMissingBean
	SystemPromptLeakScanner aiSecuritySystemPromptLeakScanner(OutputDetectorsProperties properties) {
		OutputDetectorsProperties.SystemPromptLeak leak = properties.getSystemPromptLeak();
		return SystemPromptLeakScanner.builder()
			.shingleSize(leak.getShingleSize())
			.minLeakWords(leak.getMinLeakWords())
			.maxGap(leak.getMaxGap())
			.minPromptWords(leak.getMinPromptWords())
			.shortPromptCoverage(leak.getShortPromptCoverage())
			.protectedStrings(leak.getProtectedStrings())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ExfiltrationScanner aiSecurityExfiltrationScanner(OutputDetectorsProperties properties) {
		OutputDetectorsProperties.Exfiltration exfiltration = properties.getExfiltration();
		return ExfiltrationScanner.builder()
			.allowedImageHosts(exfiltration.getAllowedImageHosts())
			.allowedLinkHosts(exfiltration.getAllowedLinkHosts())
			.neutralizeUnlistedLinks(exfiltration.isNeutralizeUnlistedLinks())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	TermListModerator aiSecurityTermListModerator(OutputDetectorsProperties properties) {
		OutputDetectorsProperties.Moderation moderation = properties.getModeration();
		Map<String, List<String>> terms = new LinkedHashMap<>();
		if (moderation.isDefaultTerms()) {
			TermListModerator.defaultTerms().forEach((category, list) -> terms.put(category, new ArrayList<>(list)));
		}
		moderation.getTerms()
			.forEach((category, list) -> terms.computeIfAbsent(category, (key) -> new ArrayList<>()).addAll(list));
		return new TermListModerator(terms, moderation.getTermScore());
	}

	static ModerationScanner moderationScanner(OutputDetectorsProperties properties,
			ObjectProvider<ContentModerator> moderators, ContentModerator extra) {
		List<ContentModerator> all = new ArrayList<>(moderators.orderedStream().toList());
		if (extra != null) {
			all.add(extra);
		}
		return new ModerationScanner(all, properties.getModeration().getDirections());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ModerationModel.class)
	static class ModerationModelConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModerationScanner aiSecurityModerationScanner(OutputDetectorsProperties properties,
				ObjectProvider<ContentModerator> moderators, ObjectProvider<ModerationModel> moderationModel) {
			OutputDetectorsProperties.Model model = properties.getModeration().getModel();
			ModerationModel available = model.isEnabled() ? moderationModel.getIfUnique() : null;
			ContentModerator adapter = (available != null) ? new ModerationModelModerator(available,
					model.getCategories(), model.getThresholds(), model.getDefaultThreshold()) : null;
			return moderationScanner(properties, moderators, adapter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.ai.moderation.ModerationModel")
	static class TermListModerationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModerationScanner aiSecurityModerationScanner(OutputDetectorsProperties properties,
				ObjectProvider<ContentModerator> moderators) {
			return moderationScanner(properties, moderators, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	@ConditionalOnBooleanProperty(name = "ai.security.output.enabled", matchIfMissing = true)
	static class OutputAdvisorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "ai.security.output.anomaly.enabled", matchIfMissing = true)
		OutputAnomalyDetector aiSecurityOutputAnomalyDetector(OutputGuardProperties properties,
				ApplicationEventPublisher publisher) {
			OutputGuardProperties.Anomaly anomaly = properties.getAnomaly();
			OutputAnomalyDetector.Settings settings = new OutputAnomalyDetector.Settings(anomaly.getLengthFactor(),
					anomaly.getMinLength(), anomaly.getMinSamples(), 50, anomaly.getRedactionShare(), 40,
					anomaly.getRefusals(), anomaly.getRefusalWindow().toMillis());
			Consumer<OutputAnomaly> sink = (event) -> publisher
				.publishEvent(new OutputAnomalyEvent(OutputAnomalyDetector.class, event));
			return new OutputAnomalyDetector(settings, sink);
		}

		@Bean
		@ConditionalOnMissingBean
		StreamingGuard aiSecurityStreamingGuard(
				@Qualifier(AiSecurityAutoConfiguration.OUTPUT_PIPELINE) GuardPipeline pipeline,
				OutputGuardProperties properties) {
			OutputGuardProperties.Stream stream = properties.getStream();
			return StreamingGuard.builder(pipeline)
				.hold(stream.getHold())
				.lookahead(stream.getLookahead())
				.context(stream.getContext())
				.minRelease(stream.getMinRelease())
				.build();
		}

		@Bean
		@ConditionalOnMissingBean
		OutputGuardAdvisor aiSecurityOutputGuardAdvisor(
				@Qualifier(AiSecurityAutoConfiguration.OUTPUT_PIPELINE) GuardPipeline pipeline,
				StreamingGuard streamingGuard, OutputGuardProperties properties,
				ObjectProvider<OutputAnomalyDetector> anomalies,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			return OutputGuardAdvisor.builder(pipeline)
				.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
				.streamingGuard(streamingGuard)
				.canary(properties.isCanary())
				.refusalMessage((properties.getOnBlock() == AiSecurityProperties.OnBlock.REFUSAL)
						? properties.getRefusalMessage() : null)
				.anomalyDetector(anomalies.getIfAvailable())
				.order(properties.getOrder())
				.build();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		static class AnomalyMetricsConfiguration {

			@Bean
			@ConditionalOnBean(MeterRegistry.class)
			ApplicationListener<OutputAnomalyEvent> aiSecurityOutputAnomalyMetrics(MeterRegistry registry) {
				return (event) -> registry.counter(ANOMALY_METRIC, "kind", event.getAnomaly().kind().tag()).increment();
			}

		}

		@Bean(name = CUSTOMIZER)
		@ConditionalOnMissingBean(name = CUSTOMIZER)
		ChatClientBuilderCustomizer aiSecurityOutputGuardCustomizer(OutputGuardAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

}
