package dev.aisecurity.benchmarks.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.aisecurity.benchmarks.endpoint.control.UnannotatedChatConfiguration;
import dev.aisecurity.benchmarks.endpoint.control.UnannotatedChatController;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointLoadTests {

	@Test
	void controlEndpointIsWrittenWithTheImportsThatRegisterIt() throws IOException {
		Path directory = EndpointLoad.writeControlEndpoint();
		try {
			for (Class<?> type : List.of(UnannotatedChatController.class, UnannotatedChatController.ChatRequest.class,
					UnannotatedChatController.ChatReply.class, UnannotatedChatConfiguration.class)) {
				Path file = directory.resolve(type.getName().replace('.', '/') + ".class");
				assertThat(file).isRegularFile();
				// the class file itself, not an empty placeholder
				assertThat(Files.readAllBytes(file)).startsWith(0xCA, 0xFE, 0xBA, 0xBE);
			}
			Path imports = directory
				.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
			assertThat(Files.readAllLines(imports)).containsExactly(UnannotatedChatConfiguration.class.getName());
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	@Test
	void controlConfigurationIsNotImportedByThisJar() throws IOException {
		// it must load only in the sample app started by EndpointLoad, never in the
		// benchmarks' own application contexts
		var resources = getClass().getClassLoader()
			.getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		while (resources.hasMoreElements()) {
			try (var in = resources.nextElement().openStream()) {
				assertThat(new String(in.readAllBytes())).doesNotContain(UnannotatedChatConfiguration.class.getName());
			}
		}
	}

	@Test
	void comparisonDefaultsToSecurityAndRejectsUnknownModes() {
		assertThat(EndpointLoad.Options.parse(new String[0]).compare).isEqualTo("security");
		assertThat(EndpointLoad.Options.parse(new String[] { "--compare", "all" }).compare).isEqualTo("all");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EndpointLoad.main(new String[] { "--compare", "none", "--rounds", "1" }))
			.withMessageContaining("--compare");
	}

}
