package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passports, identity cards, driving licences and medical licences. Each validator
 * follows the published layout of its document number. Where the number carries a check
 * digit (German document serials with the ICAO 9303 digit written after them, the German
 * driving licence, the US DEA registration) a correct one is a finding on its own; every
 * other layout is a generic shape (nine digits, a letter and eight digits) that scores
 * {@link #WEAK} and is reported only with a context word nearby. Document numbers are
 * printed in capitals: a value with a lower-case letter is accepted, but only as weak.
 */
final class IdentityDocumentRecognizers {

	static final double CHECK_DIGIT = CoreRecognizers.CHECK_DIGIT;

	static final double WEAK = CoreRecognizers.WEAK;

	/**
	 * Characters of German passport and identity card serials since November 2007: no
	 * vowels, no B, D, Q, S (Passverordnung, Anlage 11).
	 */
	private static final String DE_SERIAL_CHARACTERS = "0123456789CFGHJKLMNPRTVWXYZ";

	/** First letters of German passport serials; Z for travel documents of foreigners. */
	private static final String DE_PASSPORT_LETTERS = "CFGHJKZ";

	/** First letters of German identity card serials since November 2010. */
	private static final String DE_ID_CARD_LETTERS = "LMNPRTVWXY";

	/**
	 * First letters of Korean passports: multiple, single, residence, official,
	 * diplomatic.
	 */
	private static final String KR_PASSPORT_LETTERS = "MSROD";

	/** First letters of DEA registrations by registrant type. */
	private static final String DEA_LETTERS = "ABCDEFGHJKLMPRSTUX";

	/**
	 * Letter and digit runs of US driver licence numbers by state (AAMVA and state DMV
	 * layouts; "L1D7" is one letter and seven digits). Formats shorter than seven
	 * characters (Alabama, Delaware, Ohio and others) are left out: too generic even near
	 * a context word.
	 */
	private static final Set<String> US_LICENSE_RUNS = usLicenseRuns();

	private IdentityDocumentRecognizers() {
	}

	static List<PiiRecognizer> all() {
		List<PiiRecognizer> all = new ArrayList<>();
		// Passports
		all.add(token("US_PASSPORT", 9, 9, (c) -> usPassport(c.compact())));
		all.add(token("UK_PASSPORT", 9, 9, (c) -> usPassport(c.compact())));
		all.add(token("DE_PASSPORT", 8, 10, (c) -> germanSerial(c.compact(), DE_PASSPORT_LETTERS)));
		all.add(token("ES_PASSPORT", 8, 9, (c) -> shapes(c.compact(), "L2D6", "L3D6")));
		all.add(token("IT_PASSPORT", 9, 9, (c) -> shapes(c.compact(), "L2D7")));
		all.add(token("KR_PASSPORT", 9, 9, (c) -> koreanPassport(c.compact())));
		all.add(token("IN_PASSPORT", 8, 8, (c) -> indianPassport(c.compact())));
		// Identity cards
		all.add(token("DE_ID_CARD", 8, 10, (c) -> germanSerial(c.compact(), DE_ID_CARD_LETTERS)));
		all.add(TokenRecognizer.builder("IT_IDENTITY_CARD")
			.joinedBy(" ", 2)
			.length(9, 9)
			// a single token with digits, or the two capitals of a paper card before its
			// number
			.startsWithDigitOrCapital()
			.firstToken((text,
					token) -> text.tokenHasDigit(token) || (text.tokenLength(token) == 2
							&& PiiText.isAsciiLetter(text.charAt(text.tokenStart(token)))
							&& PiiText.isAsciiLetter(text.charAt(text.tokenStart(token) + 1))))
			.validator(IdentityDocumentRecognizers::italianIdentityCard)
			.build());
		// Driving licences
		// the state layouts written as one token, and the printed groups of the long
		// forms, which start with a capital alone or before three or four digits (A 123
		// ..., A123-..., A1234 ...): words and numbers of prose are not tried as the
		// start
		// of a five-group join
		all.add(token("US_DRIVER_LICENSE", 7, 19, IdentityDocumentRecognizers::usDriverLicense));
		all.add(TokenRecognizer.builder("US_DRIVER_LICENSE")
			.joinedBy(" -", 5)
			.minGroups(2)
			.length(7, 19)
			.startsWithDigitOrCapital()
			.firstToken((text, token) -> {
				int length = text.tokenLength(token);
				return (length == 1 || length == 4 || length == 5)
						&& Character.isUpperCase(text.charAt(text.tokenStart(token)));
			})
			.validator(IdentityDocumentRecognizers::usDriverLicense)
			.build());
		all.add(token("IT_DRIVER_LICENSE", 10, 10, (c) -> italianDriverLicense(c.compact())));
		all.add(TokenRecognizer.builder("KR_DRIVER_LICENSE")
			.joinedBy("- ", 4)
			.length(10, 12)
			.digits()
			.validator(IdentityDocumentRecognizers::koreanDriverLicense)
			.build());
		all.add(token("DE_FUEHRERSCHEIN", 11, 11, (c) -> fuehrerschein(c.compact())));
		// Medical licences
		all.add(token("MEDICAL_LICENSE", 9, 9, (c) -> dea(c.compact())));
		return all;
	}

	static void contextWords(Map<String, Set<String>> words) {
		ContextWords.put(words, "US_PASSPORT", "passport", "passeport");
		ContextWords.put(words, "UK_PASSPORT", "passport", "passeport", "hmpo");
		ContextWords.put(words, "DE_PASSPORT", "passport", "passeport", "reisepass", "kinderreisepass", "passnummer",
				"dienstpass", "diplomatenpass");
		ContextWords.put(words, "ES_PASSPORT", "passport", "passeport", "pasaporte");
		ContextWords.put(words, "IT_PASSPORT", "passport", "passeport", "passaporto");
		ContextWords.put(words, "KR_PASSPORT", "passport", "passeport", "여권", "여권번호");
		ContextWords.put(words, "IN_PASSPORT", "passport", "passeport", "पासपोर्ट");
		ContextWords.put(words, "DE_ID_CARD", "personalausweis", "ausweis", "ausweisnummer", "identity");
		ContextWords.put(words, "IT_IDENTITY_CARD", "identità", "identita", "cie", "identity");
		ContextWords.put(words, "US_DRIVER_LICENSE", "license", "licence", "dl", "dmv", "lic");
		ContextWords.put(words, "IT_DRIVER_LICENSE", "patente", "license", "licence");
		ContextWords.put(words, "KR_DRIVER_LICENSE", "license", "licence", "운전면허", "운전면허증", "운전면허번호", "면허", "면허번호",
				"면허증");
		// the region a licence was issued in, written before its number since 2011
		ContextWords.put(words, "KR_DRIVER_LICENSE", "서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주",
				"대구", "인천", "광주", "대전", "울산");
		ContextWords.put(words, "DE_FUEHRERSCHEIN", "führerschein", "fuehrerschein", "fuhrerschein", "fahrerlaubnis",
				"license", "licence");
		ContextWords.put(words, "MEDICAL_LICENSE", "dea", "license", "licence", "prescriber");
	}

	private static TokenRecognizer token(String type, int minLength, int maxLength,
			TokenRecognizer.Validator validator) {
		return TokenRecognizer.builder(type).length(minLength, maxLength).validator(validator).build();
	}

	/**
	 * The letter and digit runs of a value: {@code "AB1234567C"} is {@code "L2D7L1"}, or
	 * {@code null} for a character other than an ASCII letter or digit.
	 */
	static String runs(String value) {
		StringBuilder runs = new StringBuilder(8);
		int i = 0;
		while (i < value.length()) {
			boolean digit = PiiText.isDigit(value.charAt(i));
			int start = i;
			while (i < value.length() && PiiText.isDigit(value.charAt(i)) == digit) {
				if (!digit && !PiiText.isAsciiLetter(value.charAt(i))) {
					return null;
				}
				i++;
			}
			runs.append(digit ? 'D' : 'L').append(i - start);
		}
		return runs.toString();
	}

	private static boolean hasLowerCase(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 'a' && value.charAt(i) <= 'z') {
				return true;
			}
		}
		return false;
	}

	/** A value in lower case is weak evidence whatever its check digit says. */
	private static double cased(String value, double score) {
		return hasLowerCase(value) ? WEAK : score;
	}

	/** {@link #WEAK} when the value's runs are one of the layouts. */
	static double shapes(String value, String... layouts) {
		String runs = runs(value);
		if (runs == null) {
			return -1;
		}
		for (String layout : layouts) {
			if (layout.equals(runs)) {
				return WEAK;
			}
		}
		return -1;
	}

	/**
	 * A run of digits that is a number in its own right rather than a document: one digit
	 * repeated, or a date (YYYYMMDD) at its start, as in timestamps.
	 */
	static boolean trivialDigits(String digits) {
		boolean same = true;
		for (int i = 1; i < digits.length(); i++) {
			same &= digits.charAt(i) == digits.charAt(0);
		}
		if (same) {
			return true;
		}
		if (digits.length() < 8) {
			return false;
		}
		int year = Integer.parseInt(digits.substring(0, 4));
		return year >= 1900 && year <= 2099 && NationalIdRecognizers.validDate(year,
				Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
	}

	/** Nine digits without a check: weak. */
	static double weakDigits(String value) {
		return (Checksums.isDigits(value) && !trivialDigits(value)) ? WEAK : -1;
	}

	/**
	 * US passport book or card: nine digits, or (since 2021) a letter and eight digits.
	 * UK passports have the same layout.
	 */
	static double usPassport(String value) {
		return Checksums.isDigits(value) ? weakDigits(value) : shapes(value, "L1D8");
	}

	/**
	 * Italian identity card: the electronic card (CIE 3.0) has two letters, five digits
	 * and two letters, the CIE 2.0 seven digits and two letters, the paper card two
	 * letters and seven digits, printed with or without a space after the letters.
	 */
	static double italianIdentityCard(Candidate c) {
		if (c.groups() == 2) {
			return c.hasGroups(2, 7) ? shapes(c.compact(), "L2D7") : -1;
		}
		return shapes(c.compact(), "L2D5L2", "D7L2", "L2D7");
	}

	/**
	 * Korean passport: a type letter and eight digits, or (since December 2021) a type
	 * letter, three digits, a letter and four digits.
	 */
	static double koreanPassport(String value) {
		if (KR_PASSPORT_LETTERS.indexOf(Character.toUpperCase(value.charAt(0))) < 0) {
			return -1;
		}
		return shapes(value, "L1D8", "L1D3L1D4");
	}

	/**
	 * Indian passport: a letter (not Q, X or Z) and seven digits, the first and last of
	 * them not zero.
	 */
	static double indianPassport(String value) {
		char letter = Character.toUpperCase(value.charAt(0));
		if ("QXZ".indexOf(letter) >= 0 || value.charAt(1) == '0' || value.charAt(7) == '0') {
			return -1;
		}
		return shapes(value, "L1D7");
	}

	/**
	 * ICAO 9303 check digit: weights 7, 3, 1 repeating, digits at their value, letters A
	 * to Z as 10 to 35.
	 * @return the check digit, or -1 for a character outside 0-9 and A-Z
	 */
	static int icaoCheckDigit(String value) {
		int[] weights = { 7, 3, 1 };
		int sum = 0;
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			int v;
			if (PiiText.isDigit(ch)) {
				v = ch - '0';
			}
			else if (ch >= 'A' && ch <= 'Z') {
				v = ch - 'A' + 10;
			}
			else {
				return -1;
			}
			sum += v * weights[i % 3];
		}
		return sum % 10;
	}

	/**
	 * German passport or identity card serial: nine characters from
	 * {@link #DE_SERIAL_CHARACTERS}, the first a letter of the document type; written
	 * with its ICAO 9303 check digit (ten characters) it is a finding on its own.
	 * Temporary documents and child's passports carry a letter and seven digits.
	 */
	static double germanSerial(String value, String firstLetters) {
		String runs = runs(value);
		if (runs == null) {
			return -1;
		}
		String s = value.toUpperCase(Locale.ROOT);
		if (s.length() == 8) {
			return (runs.equals("L1D7") && DE_SERIAL_CHARACTERS.indexOf(s.charAt(0)) >= 0) ? WEAK : -1;
		}
		if (firstLetters.indexOf(s.charAt(0)) < 0) {
			return -1;
		}
		for (int i = 1; i < 9; i++) {
			if (DE_SERIAL_CHARACTERS.indexOf(s.charAt(i)) < 0) {
				return -1;
			}
		}
		if (s.length() == 9) {
			return WEAK;
		}
		if (!PiiText.isDigit(s.charAt(9)) || icaoCheckDigit(s.substring(0, 9)) != s.charAt(9) - '0') {
			return -1;
		}
		// a letter and nine digits is also a part or order number (P123456789), one in
		// ten of which passes the check digit: weak unless a serial letter follows
		return runs.equals("L1D9") ? WEAK : cased(value, CHECK_DIGIT);
	}

	private static Set<String> usLicenseRuns() {
		Set<String> runs = new HashSet<>();
		for (int digits = 7; digits <= 14; digits++) {
			runs.add("D" + digits);
		}
		for (int digits = 6; digits <= 14; digits++) {
			runs.add("L1D" + digits);
		}
		runs.addAll(List.of("L1D18", "L2D5", "L2D6", "L2D7", "L3D6", "L2D6L1", "L1D6L1", "D2L3D5", "D3L2D4", "D7L1",
				"D8L2", "D9L1"));
		return Set.copyOf(runs);
	}

	/**
	 * US driver licence: a layout of some state (see {@link #US_LICENSE_RUNS}), or
	 * Washington's WDL and nine letters or digits. The long numbers of Florida, Illinois,
	 * Michigan, Maryland, Minnesota and New Jersey are also written in groups.
	 */
	static double usDriverLicense(Candidate c) {
		String value = c.compact();
		String runs = runs(value);
		if (runs == null) {
			return -1;
		}
		if (c.groups() > 1) {
			boolean printed = c.uniformSeparator() && (c.hasGroups(4, 3, 2, 3, 1) || c.hasGroups(4, 4, 4)
					|| c.hasGroups(5, 5, 5) || c.hasGroups(1, 3, 3, 3, 3));
			// a capital letter and ten to fourteen digits
			boolean longNumber = runs.startsWith("L1D") && runs.length() == 5 && runs.charAt(3) == '1'
					&& value.charAt(0) <= 'Z';
			return (printed && longNumber) ? WEAK : -1;
		}
		if (value.length() == 12 && value.toUpperCase(Locale.ROOT).startsWith("WDL")) {
			return WEAK;
		}
		if (!US_LICENSE_RUNS.contains(runs)) {
			return -1;
		}
		return (Checksums.isDigits(value) && trivialDigits(value)) ? -1 : WEAK;
	}

	/**
	 * Italian driving licence: U1 (the issuing Motorizzazione), seven digits or capital
	 * letters other than A, I, O, Q, and a check letter; older licences carry the
	 * province, seven digits and a letter.
	 */
	static double italianDriverLicense(String value) {
		String runs = runs(value);
		if (runs == null) {
			return -1;
		}
		if (runs.equals("L2D7L1")) {
			return WEAK;
		}
		String s = value.toUpperCase(Locale.ROOT);
		if (!s.startsWith("U1") || !PiiText.isAsciiLetter(s.charAt(9))) {
			return -1;
		}
		for (int i = 2; i < 9; i++) {
			char ch = s.charAt(i);
			if (!PiiText.isDigit(ch) && (!PiiText.isAsciiLetter(ch) || "AIOQ".indexOf(ch) >= 0)) {
				return -1;
			}
		}
		return WEAK;
	}

	/**
	 * Korean driver licence: region (11 to 28), year of issue, six-digit serial and two
	 * check and issue digits, printed 11-24-123456-01. Since 2011 the region may be
	 * written as a name before the other ten digits. The printed groups with a valid
	 * region are a strict structure; bare digits are weak.
	 */
	static double koreanDriverLicense(Candidate c) {
		String s = c.compact();
		if (s.length() == 10) {
			return (c.hasGroups(2, 6, 2) && c.uniformSeparator()) ? WEAK : -1;
		}
		if (s.length() != 12) {
			return -1;
		}
		int region = Integer.parseInt(s.substring(0, 2));
		if (region < 11 || region > 28) {
			return -1;
		}
		if (c.groups() == 1) {
			return trivialDigits(s) ? -1 : WEAK;
		}
		if (!c.hasGroups(2, 2, 6, 2) || !c.uniformSeparator()) {
			return -1;
		}
		return (c.separators().charAt(0) == '-') ? CHECK_DIGIT : WEAK;
	}

	/**
	 * German driving licence (Führerschein) number: issuing authority (four characters),
	 * serial (five), check character and issue counter. The check character is the sum of
	 * the first nine characters (digits at their value, letters A to Z as 10 to 35)
	 * weighted 9 down to 1, modulo 11, with X for 10.
	 */
	static double fuehrerschein(String value) {
		String runs = runs(value);
		if (runs == null) {
			return -1;
		}
		String s = value.toUpperCase(Locale.ROOT);
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			char ch = s.charAt(i);
			sum += (PiiText.isDigit(ch) ? ch - '0' : ch - 'A' + 10) * (9 - i);
		}
		int check = sum % 11;
		char expected = (check == 10) ? 'X' : (char) ('0' + check);
		if (s.charAt(9) != expected) {
			return -1;
		}
		// eleven digits are any number with one chance in eleven
		return Checksums.isDigits(s.substring(0, 9)) ? WEAK : cased(value, CHECK_DIGIT);
	}

	/**
	 * US DEA registration number: a registrant-type letter, the first letter of the
	 * registrant's last name (or 9), six digits and a check digit: the last digit of d1 +
	 * d3 + d5 + 2 * (d2 + d4 + d6).
	 */
	static double dea(String value) {
		String runs = runs(value);
		if (runs == null || !(runs.equals("L2D7") || runs.equals("L1D8") && value.charAt(1) == '9')) {
			return -1;
		}
		if (DEA_LETTERS.indexOf(Character.toUpperCase(value.charAt(0))) < 0) {
			return -1;
		}
		String d = value.substring(2);
		int sum = Checksums.weightedSum(d, 1, 2, 1, 2, 1, 2);
		return (sum % 10 == d.charAt(6) - '0') ? cased(value, CHECK_DIGIT) : -1;
	}

}
