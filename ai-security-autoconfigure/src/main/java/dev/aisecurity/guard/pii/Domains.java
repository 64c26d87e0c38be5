package dev.aisecurity.guard.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Host name checks shared by the e-mail and URL recognisers.
 */
final class Domains {

	// Top-level domains accepted for a bare host name without a scheme: the generic ones
	// people actually write plus the country codes that are rarely file extensions.
	private static final Set<String> COMMON_TLDS = Set.of("com", "org", "net", "edu", "gov", "mil", "int", "info",
			"biz", "io", "ai", "app", "dev", "site", "online", "store", "tech", "cloud", "shop", "blog", "xyz", "me",
			"tv", "co", "uk", "us", "ca", "de", "fr", "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "ie",
			"il", "in", "jp", "cn", "kr", "au", "nz", "br", "mx", "ar", "ru", "ua", "tr", "gr", "cz", "hu", "ro", "za",
			"eu", "asia", "news", "live", "page", "email", "website", "space", "media", "network", "agency", "digital",
			"solutions", "services", "company", "group", "global", "world");

	private Domains() {
	}

	static boolean isHostChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
	}

	/**
	 * Whether {@code text[start, end)} is a syntactically valid host name with at least
	 * two labels and an alphabetic (or punycode) top-level label.
	 * @param knownTldOnly also require a commonly used top-level domain
	 */
	static boolean validHost(CharSequence text, int start, int end, boolean knownTldOnly) {
		if (end - start > 253 || end <= start) {
			return false;
		}
		int labels = 0;
		int labelStart = start;
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == '.') {
				int length = i - labelStart;
				if (length < 1 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
					return false;
				}
				labels++;
				if (i == end) {
					return labels >= 2 && validTld(text.subSequence(labelStart, i).toString(), knownTldOnly);
				}
				labelStart = i + 1;
			}
			else if (!isHostChar(text.charAt(i))) {
				return false;
			}
		}
		return false;
	}

	private static boolean validTld(String tld, boolean knownOnly) {
		String lower = tld.toLowerCase(Locale.ROOT);
		if (lower.startsWith("xn--")) {
			return lower.length() > 4;
		}
		if (lower.length() < 2) {
			return false;
		}
		for (int i = 0; i < lower.length(); i++) {
			if (!PiiText.isAsciiLetter(lower.charAt(i))) {
				return false;
			}
		}
		return !knownOnly || COMMON_TLDS.contains(lower);
	}

}
