package dev.aisecurity.web;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's character rules without regular expressions accept and reject exactly
 * what Spring Security's default {@link StrictHttpFirewall} does.
 */
class StrictFirewallRulesTests {

	private static final StrictHttpFirewall DEFAULT = new StrictHttpFirewall();

	private static final StrictHttpFirewall FAST = StrictFirewallRules.strictHttpFirewall();

	// code points of every kind the rules tell apart
	private static final int[] SAMPLES = { 'a', 'Z', '0', ' ', '~', '|', '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x85,
			0x9f, 0xa0, 0xe9, 0xff, 0x100, 0x378, 0x3a9, 0x200b, 0x2028, 0x4e2d, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff,
			0xe000, 0xfdd0, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x1f600, 0x1d400, 0xe0041, 0xe0080, 0x2fffe, 0xf0000,
			0x10ffff };

	@Test
	void headerValuesAsTheDefaultFirewall() {
		compare((text, request) -> request.addHeader("X-Test", text), (text, request) -> request.getHeader("X-Test"),
				StrictFirewallRules::isAssignedAndNotControlOrTab);
	}

	@Test
	void headerNamesAsTheDefaultFirewall() {
		compare((text, request) -> request.addHeader(text, "v"), (text, request) -> request.getHeader(text),
				StrictFirewallRules::isAssignedAndNotControl);
	}

	@Test
	void parameterNamesAsTheDefaultFirewall() {
		compare((text, request) -> request.addParameter(text, "v"), (text, request) -> request.getParameter(text),
				StrictFirewallRules::isAssignedAndNotControl);
	}

	@Test
	void examples() {
		assertThat(StrictFirewallRules.isAssignedAndNotControlOrTab("Bearer abc\tdef é 中 😀")).isTrue();
		assertThat(StrictFirewallRules.isAssignedAndNotControl("a\tb")).isFalse();
		assertThat(StrictFirewallRules.isAssignedAndNotControlOrTab("a\u0085b")).isFalse();
		assertThat(StrictFirewallRules.isAssignedAndNotControlOrTab("a\u0378b")).isFalse();
		assertThat(StrictFirewallRules.isAssignedAndNotControlOrTab("\ud800")).isTrue();
		assertThat(StrictFirewallRules.isAssignedAndNotControlOrTab("")).isTrue();
	}

	private void compare(BiConsumer<String, MockHttpServletRequest> add,
			BiConsumer<String, jakarta.servlet.http.HttpServletRequest> read,
			java.util.function.Predicate<String> rule) {
		SplittableRandom random = new SplittableRandom(20261126);
		int rejected = 0;
		for (int i = 0; i < 20_000; i++) {
			String text = randomText(random);
			boolean byDefault = passes(DEFAULT, text, add, read);
			assertThat(rule.test(text)).as("rule on %s", codes(text)).isEqualTo(byDefault);
			assertThat(passes(FAST, text, add, read)).as("firewall on %s", codes(text)).isEqualTo(byDefault);
			rejected += byDefault ? 0 : 1;
		}
		// both outcomes were exercised
		assertThat(rejected).isBetween(1_000, 19_000);
	}

	private static boolean passes(StrictHttpFirewall firewall, String text,
			BiConsumer<String, MockHttpServletRequest> add,
			BiConsumer<String, jakarta.servlet.http.HttpServletRequest> read) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/chat");
		add.accept(text, request);
		try {
			read.accept(text, firewall.getFirewalledRequest(request));
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

	private static String randomText(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		// names are never empty in a request
		int length = 1 + random.nextInt(6);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			if (kind < 5) {
				text.append((char) (0x20 + random.nextInt(0x5f)));
			}
			else if (kind < 8) {
				text.appendCodePoint(SAMPLES[random.nextInt(SAMPLES.length)]);
			}
			else {
				text.appendCodePoint(random.nextInt(0x30000));
			}
		}
		return text.toString();
	}

	private static String codes(String text) {
		return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
	}

}
