package dev.aisecurity.guard.stream;

import java.util.ArrayList;
import java.util.List;

import dev.aisecurity.guard.Direction;
import dev.aisecurity.guard.Finding;
import dev.aisecurity.guard.GuardText;
import dev.aisecurity.guard.ScanContext;
import dev.aisecurity.guard.Scanner;
import dev.aisecurity.guard.ScannerPolicy;

/**
 * Small hand-written detectors standing in for the PII and secret scanners in the
 * streaming tests: e-mail addresses, Luhn-valid card numbers (digits with single spaces
 * or dashes), and {@code sk-} API keys.
 */
public final class TestScanners {

	private TestScanners() {
	}

	public static Scanner email() {
		return new SpanScanner("test-email", "EMAIL_ADDRESS", "<EMAIL>") {
			@Override
			void find(String s, List<int[]> spans) {
				for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
					int start = at;
					while (start > 0 && isLocal(s.charAt(start - 1))) {
						start--;
					}
					int end = at + 1;
					while (end < s.length() && isDomain(s.charAt(end))) {
						end++;
					}
					while (end > at + 1 && s.charAt(end - 1) == '.') {
						end--;
					}
					String domain = s.substring(at + 1, end);
					int dot = domain.lastIndexOf('.');
					if (start < at && dot > 0 && domain.length() - dot > 2) {
						spans.add(new int[] { start, end });
					}
				}
			}
		};
	}

	public static Scanner card() {
		return new SpanScanner("test-card", "CREDIT_CARD", "<CARD>") {
			@Override
			void find(String s, List<int[]> spans) {
				int i = 0;
				while (i < s.length()) {
					if (!Character.isDigit(s.charAt(i)) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
						i++;
						continue;
					}
					int j = i;
					int digits = 0;
					int lastDigitEnd = i;
					StringBuilder number = new StringBuilder();
					while (j < s.length()) {
						char c = s.charAt(j);
						if (Character.isDigit(c)) {
							digits++;
							number.append(c);
							lastDigitEnd = j + 1;
							j++;
						}
						else if ((c == ' ' || c == '-') && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1))
								&& Character.isDigit(s.charAt(j - 1))) {
							j++;
						}
						else {
							break;
						}
					}
					boolean boundary = lastDigitEnd >= s.length() || !Character.isLetterOrDigit(s.charAt(lastDigitEnd));
					if (digits >= 13 && digits <= 19 && boundary && luhn(number)) {
						spans.add(new int[] { i, lastDigitEnd });
					}
					i = Math.max(j, i + 1);
				}
			}
		};
	}

	public static Scanner apiKey() {
		return new SpanScanner("test-secret", "SECRET_API_KEY", "<SECRET>") {
			@Override
			void find(String s, List<int[]> spans) {
				for (int at = s.indexOf("sk-"); at >= 0; at = s.indexOf("sk-", at + 1)) {
					if (at > 0 && Character.isLetterOrDigit(s.charAt(at - 1))) {
						continue;
					}
					int end = at + 3;
					while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
						end++;
					}
					if (end - at - 3 >= 20) {
						spans.add(new int[] { at, end });
					}
				}
			}
		};
	}

	static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean dbl = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (dbl) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			dbl = !dbl;
		}
		return sum % 10 == 0;
	}

	private static boolean isLocal(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
	}

	private static boolean isDomain(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '-';
	}

	abstract static class SpanScanner implements Scanner {

		private final String id;

		private final String code;

		private final String replacement;

		SpanScanner(String id, String code, String replacement) {
			this.id = id;
			this.code = code;
			this.replacement = replacement;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public ScannerPolicy defaultPolicy(Direction direction) {
			return ScannerPolicy.sanitize(0.5);
		}

		abstract void find(String s, List<int[]> spans);

		@Override
		public List<Finding> scan(GuardText text, ScanContext context) {
			List<int[]> spans = new ArrayList<>();
			find(text.sanitized(), spans);
			List<Finding> findings = new ArrayList<>();
			for (int[] span : spans) {
				findings.add(Finding.span(this.id, "test", this.code, 0.9, span[0], span[1], this.replacement));
			}
			return findings;
		}

	}

}
