package dev.aisecurity.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the client address of a request for the anonymous tier. The
 * {@code X-Forwarded-For} header is honoured only when the direct peer is a configured
 * trusted proxy; the header is then read from the right, skipping trusted proxies, and
 * the first untrusted address is the client. Anything that is not a literal IP address is
 * ignored (never resolved through DNS).
 */
public final class ClientAddressResolver {

	private static final int MAX_HOPS = 20;

	private final List<Cidr> trustedProxies;

	/**
	 * Create a resolver.
	 * @param trustedProxies addresses or CIDR ranges of trusted reverse proxies, e.g.
	 * {@code 10.0.0.0/8}, {@code ::1}
	 */
	public ClientAddressResolver(List<String> trustedProxies) {
		List<Cidr> cidrs = new ArrayList<>();
		for (String proxy : trustedProxies) {
			cidrs.add(Cidr.parse(proxy.trim()));
		}
		this.trustedProxies = List.copyOf(cidrs);
	}

	/**
	 * Resolve the client address.
	 * @param remoteAddress the direct peer
	 * @param forwardedFor the {@code X-Forwarded-For} header, may be null
	 * @return the client address
	 */
	public String resolve(String remoteAddress, String forwardedFor) {
		byte[] peer = parseLiteral(remoteAddress);
		if (peer == null || forwardedFor == null || this.trustedProxies.isEmpty() || !isTrusted(peer)) {
			return remoteAddress;
		}
		String client = remoteAddress;
		int end = forwardedFor.length();
		for (int hop = 0; hop < MAX_HOPS && end > 0; hop++) {
			int comma = forwardedFor.lastIndexOf(',', end - 1);
			String candidate = forwardedFor.substring(comma + 1, end).trim();
			end = Math.max(comma, 0);
			byte[] address = parseLiteral(candidate);
			if (address == null) {
				// garbage in the chain: stop at the last address we could verify
				return client;
			}
			client = candidate;
			if (!isTrusted(address)) {
				return candidate;
			}
			if (comma < 0) {
				break;
			}
		}
		return client;
	}

	private boolean isTrusted(byte[] address) {
		for (Cidr cidr : this.trustedProxies) {
			if (cidr.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Parse an IPv4 or IPv6 literal without any name lookup.
	 * @param text the text
	 * @return the address bytes, or null when the text is not an IP literal
	 */
	static byte[] parseLiteral(String text) {
		if (text == null || text.isEmpty() || text.length() > 45) {
			return null;
		}
		if (text.indexOf(':') >= 0) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
						|| c == '.';
				if (!ok) {
					return null;
				}
			}
			try {
				// a text containing ':' is only ever parsed as an IPv6 literal
				return InetAddress.getByName(text).getAddress();
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
		byte[] bytes = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : '.';
			if (c >= '0' && c <= '9') {
				value = ((value < 0) ? 0 : value * 10) + (c - '0');
				if (value > 255) {
					return null;
				}
			}
			else if (c == '.' && value >= 0 && part < 4) {
				bytes[part++] = (byte) value;
				value = -1;
			}
			else {
				return null;
			}
		}
		return (part == 4) ? bytes : null;
	}

	private record Cidr(byte[] network, int prefix) {

		static Cidr parse(String text) {
			int slash = text.indexOf('/');
			String address = (slash < 0) ? text : text.substring(0, slash);
			byte[] network = parseLiteral(address);
			if (network == null) {
				throw new IllegalArgumentException("Trusted proxy '" + text + "' is not an IP address or CIDR range");
			}
			int prefix = (slash < 0) ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("Trusted proxy '" + text + "' has an invalid prefix length");
			}
			return new Cidr(network, prefix);
		}

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

}
