package dev.aisecurity.actuate;

import dev.aisecurity.web.AiGuarded;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch on Spring MVC: {@code @AiGuarded} handlers are refused up front, other
 * handlers are not, and the exception thrown from an advisor or model (even wrapped) is
 * answered with the 503 problem.
 */
class KillSwitchWebHandlerTests {

	private final KillSwitch killSwitch = new KillSwitch(false);

	private final KillSwitchWebHandler handler = new KillSwitchWebHandler(this.killSwitch);

	@Test
	void refusesOnlyAiGuardedHandlersWhileEngaged() throws Exception {
		HandlerMethod guarded = new HandlerMethod(new GuardedController(), "chat");
		HandlerMethod plain = new HandlerMethod(new PlainController(), "status");
		assertThat(this.handler.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), guarded))
			.isTrue();
		this.killSwitch.set(true, "test");
		MockHttpServletResponse refused = new MockHttpServletResponse();
		assertThat(this.handler.preHandle(new MockHttpServletRequest(), refused, guarded)).isFalse();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString()).contains("\"code\":\"AI_KILL_SWITCH_ACTIVE\"");
		assertThat(this.handler.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), plain)).isTrue();
	}

	@Test
	void answersTheExceptionEvenWhenWrapped() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.handler.resolveException(new MockHttpServletRequest(), response, null,
				new IllegalStateException("wrapped", new KillSwitchEngagedException())))
			.isNotNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("\"code\":\"AI_KILL_SWITCH_ACTIVE\"");
		assertThat(this.handler.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
				new IllegalStateException("other")))
			.isNull();
	}

	@AiGuarded
	static class GuardedController {

		public String chat() {
			return "ok";
		}

	}

	static class PlainController {

		public String status() {
			return "ok";
		}

	}

}
