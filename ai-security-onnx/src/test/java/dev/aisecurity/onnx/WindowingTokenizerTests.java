package dev.aisecurity.onnx;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windowing over the real MiniLM tokenizer, offline.
 */
class WindowingTokenizerTests {

	static WindowingTokenizer tokenizer;

	@BeforeAll
	static void load() {
		tokenizer = DefaultModel.QUANTIZED.tokenizer(WindowingTokenizerTests.class.getClassLoader(), 16, 4, 3);
		assertThat(System.getProperty(OfflineNatives.DJL_OFFLINE)).isEqualTo("true");
	}

	@AfterAll
	static void close() {
		tokenizer.close();
	}

	private static long[] content(int length) {
		long[] ids = new long[length];
		for (int i = 0; i < length; i++) {
			ids[i] = 1000 + i;
		}
		return ids;
	}

	@Test
	void shortTextsGetOneWindowBetweenTheModelsSpecialTokens() {
		TokenWindows windows = tokenizer.windows("hello world");
		assertThat(windows.count()).isEqualTo(1);
		assertThat(windows.ids()[0]).startsWith(101L).endsWith(102L).hasSize(4);
		assertThat(windows.mask()[0]).containsOnly(1L);
	}

	@Test
	void longerTextsStepWithOverlapAndTheLastWindowEndsAtTheEnd() {
		// 14 content tokens per window, stride 10
		TokenWindows windows = tokenizer.windowsOf(content(30));
		assertThat(windows.count()).isEqualTo(3);
		assertThat(windows.ids()[0][1]).isEqualTo(1000);
		assertThat(windows.ids()[1][1]).isEqualTo(1010);
		assertThat(windows.ids()[2][1]).isEqualTo(1016);
		assertThat(windows.ids()[2][14]).isEqualTo(1029);
		assertThat(windows.ids()[2][15]).isEqualTo(102);
	}

	@Test
	void tooManyWindowsAreSpreadEvenlyFromStartToEnd() {
		TokenWindows windows = tokenizer.windowsOf(content(200));
		assertThat(windows.count()).isEqualTo(3);
		assertThat(windows.ids()[0][1]).isEqualTo(1000);
		assertThat(windows.ids()[1][1]).isEqualTo(1000 + 93);
		assertThat(windows.ids()[2][14]).isEqualTo(1199);
	}

}
