package dev.aisecurity.autoconfigure.rag;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.aisecurity.actuate.PostureContributor;
import dev.aisecurity.actuate.PostureControl;
import dev.aisecurity.autoconfigure.tool.ToolSecurityAutoConfiguration;
import dev.aisecurity.guard.document.DocumentGuard;
import dev.aisecurity.rag.IngestionGuard;
import dev.aisecurity.rag.RetrievalGuardAdvisor;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

class RagSecurityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(RagSecurityAutoConfiguration.class, ToolSecurityAutoConfiguration.class))
		.withBean(AuditEvents.class);

	@Test
	void definesTheGuardsAndBacksOffToUserBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(IngestionGuard.class).hasSingleBean(RetrievalGuardAdvisor.class);
			assertThat(context).hasBean(RagSecurityAutoConfiguration.CUSTOMIZER);
		});
		IngestionGuard mine = IngestionGuard.builder(DocumentGuard.withDefaults()).build();
		this.runner.withBean(IngestionGuard.class, () -> mine)
			.run((context) -> assertThat(context.getBean(IngestionGuard.class)).isSameAs(mine));
		this.runner.withPropertyValues("ai.security.rag.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IngestionGuard.class)
				.doesNotHaveBean(RetrievalGuardAdvisor.class));
	}

	@Test
	void ingestionBatchesBecomeBootAuditEventsWithCountsOnly() {
		this.runner.run((context) -> {
			context.getBean(IngestionGuard.class)
				.apply(List.of(new Document("a", "Call me at jane.doe@example.com about the invoice.", Map.of())));
			List<AuditApplicationEvent> events = context.getBean(AuditEvents.class).events;
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.getAuditEvent().getType()).isEqualTo("AI_RAG_INGESTION");
				assertThat(event.getAuditEvent().getData()).containsEntry("received", 1).containsEntry("sanitized", 1);
				assertThat(event.getAuditEvent().getData().toString()).doesNotContain("jane.doe");
			});
		});
	}

	@Test
	void postureReportsTheRagAndToolGuards() {
		this.runner.withPropertyValues("ai.security.rag.retrieval.spotlighting.mode=none").run((context) -> {
			List<PostureControl> controls = context.getBeanProvider(PostureContributor.class)
				.orderedStream()
				.flatMap((contributor) -> contributor.controls().stream())
				.toList();
			assertThat(controls).extracting(PostureControl::id)
				.contains("rag-ingestion-guard", "rag-retrieval-guard", "tool-guard");
			assertThat(controls).filteredOn((control) -> control.id().equals("rag-retrieval-guard"))
				.singleElement()
				.satisfies((control) -> assertThat(control.status()).isEqualTo(PostureControl.Status.DEGRADED));
		});
	}

	@Test
	void pseudonymsNeedAKey() {
		this.runner.withPropertyValues("ai.security.rag.ingestion.pii-operator=hash")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hash-key"));
	}

	static class AuditEvents {

		final List<AuditApplicationEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(AuditApplicationEvent event) {
			this.events.add(event);
		}

	}

}
