package dev.aisecurity.ai.web;

import java.util.Set;

import dev.aisecurity.autoconfigure.ai.AiGuardProblemAutoConfiguration;
import dev.aisecurity.guard.AiGuardException;
import dev.aisecurity.guard.Direction;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Blocked texts become RFC 9457 problem details with a stable code and no echo.
 */
class AiGuardProblemHandlerTests {

	private static final String CANARY = "CANARY-problem-91";

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new GuardedController())
		.setControllerAdvice(new AiGuardProblemHandler())
		.build();

	@Test
	void blockedInputIs400ProblemWithoutEcho() throws Exception {
		String body = this.mvc.perform(post("/input").contentType(MediaType.TEXT_PLAIN).content(CANARY))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(AiGuardProblemHandler.INPUT_BLOCKED))
			.andExpect(jsonPath("$.reasons[0]").value("PROMPT_INJECTION"))
			.andExpect(jsonPath("$.status").value(400))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(CANARY);
	}

	@Test
	void blockedOutputIs502Problem() throws Exception {
		String body = this.mvc.perform(post("/output").contentType(MediaType.TEXT_PLAIN).content(CANARY))
			.andExpect(status().isBadGateway())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(AiGuardProblemHandler.OUTPUT_BLOCKED))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(CANARY);
	}

	@Test
	void autoConfiguredInServletAppsAndBacksOff() {
		WebApplicationContextRunner web = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AiGuardProblemAutoConfiguration.class));
		web.run((context) -> assertThat(context).hasSingleBean(AiGuardProblemHandler.class));
		AiGuardProblemHandler own = new AiGuardProblemHandler();
		web.withBean(AiGuardProblemHandler.class, () -> own)
			.run((context) -> assertThat(context.getBean(AiGuardProblemHandler.class)).isSameAs(own));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AiGuardProblemAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(AiGuardProblemHandler.class));
	}

	@RestController
	static class GuardedController {

		@PostMapping("/input")
		String input(@RequestBody String text) {
			throw new AiGuardException(Direction.INPUT, Set.of("PROMPT_INJECTION"));
		}

		@PostMapping("/output")
		String output(@RequestBody String text) {
			throw new AiGuardException(Direction.OUTPUT, Set.of("SYSTEM_PROMPT_LEAK"));
		}

	}

}
