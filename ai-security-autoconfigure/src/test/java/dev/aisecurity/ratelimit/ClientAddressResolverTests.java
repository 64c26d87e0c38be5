package dev.aisecurity.ratelimit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressResolverTests {

	private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "::1"));

	@Test
	void ignoresForwardedForFromUntrustedPeers() {
		assertThat(this.resolver.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
		assertThat(new ClientAddressResolver(List.of()).resolve("10.1.1.1", "198.51.100.1")).isEqualTo("10.1.1.1");
	}

	@Test
	void takesTheFirstUntrustedAddressFromTheRight() {
		assertThat(this.resolver.resolve("10.0.0.2", "198.51.100.1")).isEqualTo("198.51.100.1");
		// the client can prepend anything; only what trusted proxies appended counts
		assertThat(this.resolver.resolve("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.7")).isEqualTo("198.51.100.1");
		assertThat(this.resolver.resolve("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
	}

	@Test
	void stopsAtGarbageAndNeverResolvesNames() {
		assertThat(this.resolver.resolve("10.0.0.2", "evil.example, 10.0.0.3")).isEqualTo("10.0.0.3");
		assertThat(this.resolver.resolve("10.0.0.2", "not an address")).isEqualTo("10.0.0.2");
		assertThat(this.resolver.resolve("10.0.0.2", "1.2.3.400")).isEqualTo("10.0.0.2");
		assertThat(this.resolver.resolve("10.0.0.2", "")).isEqualTo("10.0.0.2");
	}

	@Test
	void parsesOnlyLiterals() {
		assertThat(ClientAddressResolver.parseLiteral("192.168.0.1")).containsExactly(192, 168, 0, 1);
		assertThat(ClientAddressResolver.parseLiteral("1.2.3")).isNull();
		assertThat(ClientAddressResolver.parseLiteral("abc")).isNull();
		assertThat(ClientAddressResolver.parseLiteral("1.2.3.4.5")).isNull();
		assertThat(ClientAddressResolver.parseLiteral("fe80::1")).hasSize(16);
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("proxy.local")));
	}

}
