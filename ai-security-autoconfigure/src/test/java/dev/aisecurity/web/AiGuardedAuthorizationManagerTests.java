package dev.aisecurity.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.web.mfa.MfaPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;

import static org.assertj.core.api.Assertions.assertThat;

class AiGuardedAuthorizationManagerTests {

	@Test
	void grantsReachAnnotatedAndTypedListeners() throws Exception {
		Recorders recorders = decide(new TestingAuthenticationToken("alice", null, "ROLE_USER"));
		assertThat(recorders.annotated.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.granted()).isTrue();
			assertThat(decision.principal()).isEqualTo("alice");
			assertThat(decision.endpoint()).isEqualTo("Endpoints#chat");
			assertThat(decision.code()).isNull();
		});
		assertThat(recorders.typed.decisions).isEqualTo(recorders.annotated.decisions);
		assertThat(recorders.typed.sources).singleElement().isInstanceOf(AnnotationConfigApplicationContext.class);
	}

	@Test
	void refusalsReachListenersWithTheirCode() throws Exception {
		Recorders recorders = decide(new TestingAuthenticationToken("bob", null, "ROLE_GUEST"));
		assertThat(recorders.annotated.decisions).singleElement().satisfies((decision) -> {
			assertThat(decision.granted()).isFalse();
			assertThat(decision.code()).isEqualTo(SecurityProblemCodes.ACCESS_DENIED);
		});
		assertThat(recorders.typed.decisions).isEqualTo(recorders.annotated.decisions);
	}

	private static Recorders decide(Authentication caller) throws Exception {
		Recorders recorders = new Recorders();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(AnnotatedRecorder.class, () -> recorders.annotated);
			context.registerBean(TypedRecorder.class, () -> recorders.typed);
			context.refresh();
			AiGuardedAuthorizationManager manager = new AiGuardedAuthorizationManager(new AiGuardedAnnotations(),
					new MfaPolicy(List.of("password", "totp"), List.of("api-key", "totp"), Duration.ofHours(1)),
					context);
			Endpoints target = new Endpoints();
			manager.authorize(() -> caller,
					new SimpleMethodInvocation(target, Endpoints.class.getDeclaredMethod("chat")));
		}
		return recorders;
	}

	static final class Recorders {

		final AnnotatedRecorder annotated = new AnnotatedRecorder();

		final TypedRecorder typed = new TypedRecorder();

	}

	static final class AnnotatedRecorder {

		final List<AiGuardedDecisionEvent> decisions = new ArrayList<>();

		@EventListener
		void onDecision(AiGuardedDecisionEvent decision) {
			this.decisions.add(decision);
		}

	}

	static final class TypedRecorder implements ApplicationListener<PayloadApplicationEvent<AiGuardedDecisionEvent>> {

		final List<AiGuardedDecisionEvent> decisions = new ArrayList<>();

		final List<Object> sources = new ArrayList<>();

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<AiGuardedDecisionEvent> event) {
			this.decisions.add(event.getPayload());
			this.sources.add(event.getSource());
		}

	}

	static class Endpoints {

		@AiGuarded(roles = "USER")
		public String chat() {
			return "hi";
		}

	}

}
