package dev.aisecurity.guard.pii;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Token-based recognisers for payment, bank and US identifiers.
 */
final class CoreRecognizers {

	/** Checksum plus issuer range: strong evidence. */
	static final double STRONG = 0.9;

	/** A check digit with a one-in-ten chance for random digits. */
	static final double CHECK_DIGIT = 0.6;

	/**
	 * A format without a check digit: needs a context word to reach the default
	 * threshold.
	 */
	static final double WEAK = 0.4;

	private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

	// Countries whose BBAN consists of digits only (ISO 13616 registry).
	private static final Set<String> IBAN_NUMERIC = Set.of("AT", "BA", "BE", "CZ", "DE", "DK", "EE", "ES", "FI", "FO",
			"GL", "HR", "HU", "IL", "IS", "LT", "ME", "NO", "PL", "PT", "RS", "SE", "SI", "SK", "TN");

	static {
		String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
				+ "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 "
				+ "IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 "
				+ "MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 "
				+ "SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
		for (String entry : table.split(" ")) {
			IBAN_LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
		}
	}

	private CoreRecognizers() {
	}

	static List<PiiRecognizer> all() {
		return List.of(creditCard(), iban(), usSsn(), abaRouting(), ukNhs(), crypto());
	}

	static PiiRecognizer creditCard() {
		return TokenRecognizer.builder(PiiTypes.CREDIT_CARD)
			.joinedBy(" -", 5)
			.length(12, 19)
			.digits()
			.validator((c) -> (groupedLikeCard(c) && Checksums.luhn(c.compact()) && issuerAccepts(c.compact())) ? STRONG
					: -1)
			.build();
	}

	private static boolean groupedLikeCard(Candidate c) {
		if (c.groups() == 1) {
			return true;
		}
		if (!c.uniformSeparator()) {
			return false;
		}
		if (c.hasGroups(4, 6, 5) || c.hasGroups(4, 6, 4)) {
			return true;
		}
		int[] lengths = c.groupLengths();
		for (int i = 0; i < lengths.length - 1; i++) {
			if (lengths[i] != 4) {
				return false;
			}
		}
		return lengths[lengths.length - 1] <= 4;
	}

	/**
	 * Issuer identification number ranges and the lengths each issuer uses.
	 */
	static boolean issuerAccepts(String pan) {
		int n = pan.length();
		int p1 = pan.charAt(0) - '0';
		int p2 = Integer.parseInt(pan.substring(0, 2));
		int p3 = Integer.parseInt(pan.substring(0, 3));
		int p4 = Integer.parseInt(pan.substring(0, 4));
		int p6 = Integer.parseInt(pan.substring(0, 6));
		if (p1 == 4) {
			return n == 13 || n == 16 || n == 19; // Visa
		}
		if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
			return n == 16; // Mastercard
		}
		if (p2 == 34 || p2 == 37) {
			return n == 15; // American Express
		}
		if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
			return n >= 16 && n <= 19; // Discover
		}
		if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
			return n >= 14 && n <= 19; // Diners Club
		}
		if (p4 >= 3528 && p4 <= 3589) {
			return n >= 16 && n <= 19; // JCB
		}
		if (p4 >= 2200 && p4 <= 2204) {
			return n >= 16 && n <= 19; // Mir
		}
		if (p2 == 62 || p2 == 81) {
			return n >= 16 && n <= 19; // UnionPay
		}
		if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
			return n >= 12 && n <= 19; // Maestro and other debit
		}
		if (p1 == 1) {
			return n == 15; // UATP
		}
		return false;
	}

	static PiiRecognizer iban() {
		return TokenRecognizer.builder(PiiTypes.IBAN_CODE)
			.joinedBy(" -", 9)
			.length(15, 34)
			.firstToken(CoreRecognizers::startsLikeIban)
			.validator((c) -> validIban(c) ? STRONG : -1)
			.build();
	}

	private static boolean startsLikeIban(PiiText text, int token) {
		int s = text.tokenStart(token);
		if (text.tokenLength(token) < 4) {
			return false;
		}
		char a = text.charAt(s);
		char b = text.charAt(s + 1);
		return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && PiiText.isDigit(text.charAt(s + 2))
				&& PiiText.isDigit(text.charAt(s + 3));
	}

	static boolean validIban(Candidate c) {
		String iban = c.compact();
		Integer expected = IBAN_LENGTHS.get(iban.substring(0, 2));
		if (expected == null || expected != iban.length()) {
			return false;
		}
		if (c.groups() > 1) {
			if (!c.uniformSeparator()) {
				return false;
			}
			// printed form: groups of four, the last one shorter
			int[] lengths = c.groupLengths();
			for (int i = 0; i < lengths.length - 1; i++) {
				if (lengths[i] != 4) {
					return false;
				}
			}
		}
		String bban = iban.substring(4);
		for (int i = 0; i < bban.length(); i++) {
			char ch = bban.charAt(i);
			if (!(PiiText.isDigit(ch) || (ch >= 'A' && ch <= 'Z'))) {
				return false;
			}
		}
		if (IBAN_NUMERIC.contains(iban.substring(0, 2)) && !Checksums.isDigits(bban)) {
			return false;
		}
		int check = Integer.parseInt(iban.substring(2, 4));
		if (check < 2 || check > 98) {
			return false;
		}
		return Checksums.mod97(bban + iban.substring(0, 4)) == 1;
	}

	/** The state and territory codes of the US Postal Service. */
	private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
			"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
			"NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
			"WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP");

	static PiiRecognizer usSsn() {
		PiiRecognizer tokens = TokenRecognizer.builder(PiiTypes.US_SSN)
			.joinedBy("- .", 3)
			.length(9, 9)
			.digits()
			.validator(CoreRecognizers::ssnScore)
			.build();
		// not a ZIP+4 code, nor the digits of a decimal or dotted number (0.785398164, an
		// OID)
		return StandaloneRecognizer.of(tokens, (text, e) -> zipPlusFour(text, e.start(), e.end()));
	}

	/**
	 * Whether the span is a ZIP+4 code after its state ({@code Boston, MA 02110-1301}, in
	 * every GPL header), which the weak five-four reading of an SSN shares.
	 */
	static boolean zipPlusFour(String s, int start, int end) {
		if (end - start != 10 || s.charAt(start + 5) != '-') {
			return false;
		}
		// one or two spaces after the state code
		int state = start - 1;
		if (state > 0 && s.charAt(state) == ' ' && s.charAt(state - 1) == ' ') {
			state--;
		}
		if (state < 2 || s.charAt(state) != ' ') {
			return false;
		}
		boolean wordBefore = state > 2 && PiiText.isWordChar(s.charAt(state - 3));
		return !wordBefore && US_STATES.contains(s.substring(state - 2, state));
	}

	private static double ssnScore(Candidate c) {
		if (!(c.hasGroups(9) || c.hasGroups(3, 2, 4) || c.hasGroups(3, 6) || c.hasGroups(5, 4))
				|| !c.uniformSeparator()) {
			return -1;
		}
		String d = c.compact();
		int area = Integer.parseInt(d.substring(0, 3));
		int group = Integer.parseInt(d.substring(3, 5));
		int serial = Integer.parseInt(d.substring(5));
		if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
			return -1;
		}
		// numbers published in advertising or used as examples, and runs of one digit
		if (d.equals("078051120") || d.equals("219099999") || d.equals("123456789") || d.equals("457555462")
				|| d.chars().distinct().count() == 1) {
			return -1;
		}
		return c.hasGroups(3, 2, 4) ? 0.85 : 0.5;
	}

	static PiiRecognizer abaRouting() {
		return TokenRecognizer.builder(PiiTypes.ABA_ROUTING_NUMBER)
			.joinedBy("-", 3)
			.length(9, 9)
			.digits()
			.validator((c) -> (c.groups() == 1 || c.hasGroups(4, 4, 1)) && validAba(c.compact()) ? CHECK_DIGIT : -1)
			.build();
	}

	static boolean validAba(String d) {
		int prefix = Integer.parseInt(d.substring(0, 2));
		boolean knownPrefix = (prefix <= 12) || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72)
				|| prefix == 80;
		if (!knownPrefix || d.chars().distinct().count() == 1) {
			return false;
		}
		return Checksums.weightedSum(d, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
	}

	static PiiRecognizer ukNhs() {
		return TokenRecognizer.builder(PiiTypes.UK_NHS)
			.joinedBy(" -", 3)
			.length(10, 10)
			.digits()
			.validator((
					c) -> ((c.groups() == 1 || (c.hasGroups(3, 3, 4) && c.uniformSeparator())) && validNhs(c.compact()))
							? CHECK_DIGIT : -1)
			.build();
	}

	static boolean validNhs(String d) {
		int sum = Checksums.weightedSum(d, 10, 9, 8, 7, 6, 5, 4, 3, 2);
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		return check != 10 && check == d.charAt(9) - '0' && d.chars().distinct().count() > 1;
	}

	static PiiRecognizer crypto() {
		return TokenRecognizer.builder(PiiTypes.CRYPTO).length(14, 90).validator((c) -> {
			String s = c.compact();
			char first = s.charAt(0);
			if ((first == '1' || first == '3') && s.length() >= 25 && s.length() <= 35) {
				byte[] payload = Checksums.base58Check(s);
				return (payload != null && payload.length == 21 && (payload[0] == 0 || payload[0] == 5)) ? 1.0 : -1;
			}
			String lower = s.toLowerCase(java.util.Locale.ROOT);
			if ((lower.startsWith("bc1") || lower.startsWith("tb1")) && s.length() >= 14) {
				int variant = Checksums.bech32(s);
				char version = lower.charAt(3);
				// witness version 0 uses Bech32, later versions Bech32m (BIP 350)
				return ((version == 'q' && variant == 1) || (version != 'q' && variant == 2)) ? 1.0 : -1;
			}
			return -1;
		}).build();
	}

}
