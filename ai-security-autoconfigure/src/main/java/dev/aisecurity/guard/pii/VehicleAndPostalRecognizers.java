package dev.aisecurity.guard.pii;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Vehicle registration plates and postal codes. Each validator implements the published
 * layout of its format (letter and digit positions, letters a country does not issue,
 * code ranges); where the layout is a generic shape that ordinary text is full of (a
 * five-digit number, letters and digits in short groups) the score stays {@link #WEAK}
 * and a context word is needed.
 * <p>
 * Plates are printed in capitals: a plate with a lower-case letter is not reported. A
 * spaced postcode in lower case needs a context word. Values after a {@code #} or inside
 * a decimal or version number are not reported (see {@link StandaloneRecognizer}).
 */
final class VehicleAndPostalRecognizers {

	static final double CHECK_DIGIT = CoreRecognizers.CHECK_DIGIT;

	static final double WEAK = CoreRecognizers.WEAK;

	/**
	 * UK postcode areas (Royal Mail), with the Crown dependencies (GY, JE, IM) and the
	 * non-geographic areas BF (BFPO) and BX.
	 */
	private static final Set<String> UK_POSTCODE_AREAS = Set.of("AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL",
			"BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE",
			"DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA",
			"HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA",
			"LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL",
			"OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN",
			"SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA",
			"WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE");

	/**
	 * The central London areas, the only ones with districts ending in a letter (W1A).
	 */
	private static final Set<String> UK_LETTER_DISTRICT_AREAS = Set.of("E", "N", "W", "EC", "NW", "SE", "SW", "WC");

	/**
	 * Indian state and union territory codes (Ministry of Road Transport and Highways),
	 * with the former codes still on older plates (DN, OR, UA).
	 */
	private static final Set<String> IN_STATES = Set.of("AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN",
			"GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR",
			"PB", "PY", "RJ", "SK", "TG", "TN", "TR", "TS", "UA", "UK", "UP", "WB");

	/**
	 * The year whose UK age identifiers are the latest issued, read once (a service
	 * running across a new year sees its plates after a restart).
	 */
	private static final int CURRENT_YEAR = Year.now(ZoneOffset.UTC).getValue();

	/** Letter pairs the registration offices do not issue (Nazi-era abbreviations). */
	private static final Set<String> DE_KFZ_EXCLUDED = Set.of("HJ", "KZ", "NS", "SA", "SS");

	private VehicleAndPostalRecognizers() {
	}

	static List<PiiRecognizer> all() {
		return List.of(StandaloneRecognizer.of(ukPostcode()), StandaloneRecognizer.of(dePlz()),
				StandaloneRecognizer.of(ukVehicleRegistration()), StandaloneRecognizer.of(trLicensePlate()),
				StandaloneRecognizer.of(inVehicleRegistration()), StandaloneRecognizer.of(ngVehicleRegistration()),
				StandaloneRecognizer.of(deKfz()));
	}

	static void contextWords(Map<String, Set<String>> words) {
		ContextWords.put(words, "UK_POSTCODE", "postcode", "postal", "address", "zip");
		ContextWords.put(words, "DE_PLZ", "plz", "postleitzahl", "postcode", "postal", "anschrift", "adresse",
				"wohnort");
		String[] vehicle = { "plate", "numberplate", "registration", "registered", "reg", "vehicle", "car", "cars" };
		ContextWords.put(words, "UK_VEHICLE_REGISTRATION", vehicle);
		ContextWords.put(words, "UK_VEHICLE_REGISTRATION", "dvla", "vrm");
		ContextWords.put(words, "TR_LICENSE_PLATE", vehicle);
		ContextWords.put(words, "TR_LICENSE_PLATE", "plaka", "araç", "arac", "ruhsat", "tescil");
		ContextWords.put(words, "IN_VEHICLE_REGISTRATION", vehicle);
		ContextWords.put(words, "IN_VEHICLE_REGISTRATION", "rto", "bike", "vahan");
		ContextWords.put(words, "NG_VEHICLE_REGISTRATION", vehicle);
		ContextWords.put(words, "NG_VEHICLE_REGISTRATION", "frsc");
		ContextWords.put(words, "DE_KFZ", vehicle);
		ContextWords.put(words, "DE_KFZ", "kennzeichen", "kfz", "nummernschild", "fahrzeug", "pkw", "zulassung");
	}

	private static boolean upper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	/**
	 * A first token starting with a letter and holding a digit: the outward code of a
	 * postcode (SW1A), the memory tag and age of a registration (AB12), or the whole
	 * value unspaced. Words of prose are not tried as the start of a join.
	 */
	private static boolean letterThenDigit(PiiText text, int token) {
		return PiiText.isAsciiLetter(text.charAt(text.tokenStart(token))) && text.tokenHasDigit(token);
	}

	/** Number of ASCII upper-case letters at {@code from} and after. */
	private static int letters(String s, int from) {
		int i = from;
		while (i < s.length() && upper(s.charAt(i))) {
			i++;
		}
		return i - from;
	}

	/** Number of ASCII digits at {@code from} and after. */
	private static int digits(String s, int from) {
		int i = from;
		while (i < s.length() && PiiText.isDigit(s.charAt(i))) {
			i++;
		}
		return i - from;
	}

	private static boolean noneOf(String s, int from, int to, String excluded) {
		for (int i = from; i < to; i++) {
			if (excluded.indexOf(s.charAt(i)) >= 0) {
				return false;
			}
		}
		return true;
	}

	/** Whether every digit from {@code from} to {@code to} is 0. */
	private static boolean zeros(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (s.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the candidate's groups end only at the given positions of the compact
	 * value: a separator never splits a field.
	 */
	private static boolean groupsEndAt(Candidate c, int... positions) {
		int end = 0;
		int[] lengths = c.groupLengths();
		for (int g = 0; g < lengths.length - 1; g++) {
			end += lengths[g];
			boolean allowed = false;
			for (int position : positions) {
				allowed |= position == end;
			}
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The first position of the compact value after {@code position} where a group ends,
	 * before the last group; -1 if none.
	 */
	private static int groupEndAfter(Candidate c, int position) {
		int end = 0;
		int[] lengths = c.groupLengths();
		for (int g = 0; g < lengths.length - 1; g++) {
			end += lengths[g];
			if (end > position) {
				return end;
			}
		}
		return -1;
	}

	/**
	 * The score for the letter case of a value. Plates are printed in capitals: a plate
	 * with a lower-case letter is rejected ({@code 10 and 35}, {@code 14ae307}). A spaced
	 * postcode in lower case needs a context word; mixed case is rejected.
	 */
	private static double cased(String compact, double score, boolean lowerCaseWeak) {
		boolean upperCase = false;
		boolean lowerCase = false;
		for (int i = 0; i < compact.length(); i++) {
			char ch = compact.charAt(i);
			upperCase |= upper(ch);
			lowerCase |= ch >= 'a' && ch <= 'z';
		}
		if (!lowerCase) {
			return score;
		}
		return (lowerCaseWeak && !upperCase) ? Math.min(score, WEAK) : -1;
	}

	/**
	 * A plate recogniser: from {@code minGroups} to {@code maxGroups} tokens joined by
	 * the separators, the compact length in range, the rule's score for a value in
	 * capitals (see {@link #cased}).
	 */
	private static TokenRecognizer plate(String type, String separators, int minGroups, int maxGroups, int minLength,
			int maxLength, TokenRecognizer.FirstToken firstToken, TokenRecognizer.Validator rule) {
		return TokenRecognizer.builder(type)
			.joinedBy(separators, maxGroups)
			.minGroups(minGroups)
			.length(minLength, maxLength)
			.startsWithDigitOrCapital()
			.firstToken(firstToken)
			.validator((c) -> cased(c.compact(), rule.score(c), false))
			.build();
	}

	private static String upperCase(Candidate c) {
		return c.compact().toUpperCase(Locale.ROOT);
	}

	// United Kingdom: postcodes

	static PiiRecognizer ukPostcode() {
		return TokenRecognizer.builder("UK_POSTCODE")
			.joinedBy(" ", 2)
			.length(5, 7)
			// the outward code holds a digit, except for GIR 0AA
			.startsWithDigitOrCapital()
			.firstToken((text, token) -> letterThenDigit(text, token)
					|| (text.tokenLength(token) == 3 && text.text().startsWith("GIR", text.tokenStart(token))))
			.validator((c) -> cased(c.compact(), ukPostcode(c), c.groups() == 2))
			.build();
	}

	/**
	 * UK postcode (Royal Mail): an outward code A9, A99, AA9, AA99, A9A or AA9A, an
	 * optional space, and an inward code 9AA. The first letter is never Q, V or X, the
	 * second never I, J or Z; a letter after a single district digit is one of
	 * ABCDEFGHJKPSTUW (A9A) or ABEHMNPRVWXY (AA9A), used in central London areas only;
	 * the inward letters never C, I, K, M, O or V. GIR 0AA is the one exception. With a
	 * known postcode area and the space the structure is specific enough on its own.
	 * Without the space the value is a short letters and digits token like a model name
	 * ({@code M32RX}, {@code a65ae}): weak in capitals, not reported in lower case. An
	 * unknown area needs a context word, and so does an inward code that reads as a size
	 * in bytes ({@code M1 8GB}, {@code M2 2TB}).
	 */
	static double ukPostcode(Candidate c) {
		String s = upperCase(c);
		int n = s.length();
		int outward = n - 3;
		if (c.groups() == 2 && c.groupLengths()[0] != outward) {
			return -1;
		}
		if (s.equals("GIR0AA")) {
			return (c.groups() == 2) ? CHECK_DIGIT : WEAK;
		}
		if (!PiiText.isDigit(s.charAt(outward)) || letters(s, outward + 1) != 2
				|| !noneOf(s, outward + 1, n, "CIKMOV")) {
			return -1;
		}
		int area = letters(s, 0);
		if (area < 1 || area > 2 || "QVX".indexOf(s.charAt(0)) >= 0 || (area == 2 && "IJZ".indexOf(s.charAt(1)) >= 0)) {
			return -1;
		}
		// the inward code's digit follows the district's digits
		int district = Math.min(digits(s, area), outward - area);
		if (district < 1) {
			return -1;
		}
		if (area + district < outward) {
			// a letter after a single district digit
			if (district != 1 || area + district + 1 != outward
					|| (area == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").indexOf(s.charAt(outward - 1)) < 0
					|| !UK_LETTER_DISTRICT_AREAS.contains(s.substring(0, area))) {
				return -1;
			}
		}
		// an inward code of a digit and a unit of bytes reads as a size after a model
		// name (M1 8GB, M2 2TB)
		boolean size = s.charAt(n - 1) == 'B' && "GTPEZY".indexOf(s.charAt(n - 2)) >= 0;
		return (c.groups() == 2 && !size && UK_POSTCODE_AREAS.contains(s.substring(0, area))) ? CHECK_DIGIT : WEAK;
	}

	// Germany: postcodes

	static PiiRecognizer dePlz() {
		return TokenRecognizer.builder("DE_PLZ")
			.length(5, 5)
			.digits()
			.validator((c) -> dePlz(c.compact()) ? WEAK : -1)
			.build();
	}

	/**
	 * German postcode (Postleitzahl): five digits from 01001 to 99998; the leading two
	 * digits name a postal region, and the regions 00, 05, 43 and 62 are not assigned.
	 * Any five-digit number has this shape: always weak.
	 */
	static boolean dePlz(String s) {
		int value = Integer.parseInt(s);
		int region = value / 1000;
		return value >= 1001 && value <= 99998 && region != 5 && region != 43 && region != 62;
	}

	// United Kingdom: vehicle registrations

	static PiiRecognizer ukVehicleRegistration() {
		return plate("UK_VEHICLE_REGISTRATION", " ", 1, 2, 7, 7, VehicleAndPostalRecognizers::letterThenDigit,
				VehicleAndPostalRecognizers::ukRegistration);
	}

	/**
	 * UK registration (DVLA), the current format (since 2001) AB12 CDE: a local memory
	 * tag of two letters (the region letter one of ABCDEFGHKLMNOPRSVWXY, the second
	 * letter not I, Q or Z), an age identifier (the year for March, the year plus 50 for
	 * September; 01 was never issued, and identifiers of years to come are not valid yet)
	 * and three random letters (not I or Q). Without the space it is a short letters and
	 * digits token like a part or model number: weak; so is a memory tag ending in Y,
	 * which reads as a year abbreviation ({@code FY24 EPS}, {@code MY25 BMW}). The older
	 * prefix (A123 BCD) and suffix (ABC 123D) formats are not recognised: they are
	 * specific only with the table of area codes ({@code V1 CPU}, {@code VLE 16D}).
	 */
	static double ukRegistration(Candidate c) {
		String s = upperCase(c);
		if (s.length() != 7 || letters(s, 0) != 2 || digits(s, 2) != 2 || letters(s, 4) != 3 || !groupsEndAt(c, 4)) {
			return -1;
		}
		boolean letters = "ABCDEFGHKLMNOPRSVWXY".indexOf(s.charAt(0)) >= 0 && "IQZ".indexOf(s.charAt(1)) < 0
				&& noneOf(s, 4, 7, "IQ");
		if (!letters || !ukAgeIssued(Integer.parseInt(s.substring(2, 4)), CURRENT_YEAR)) {
			return -1;
		}
		// a memory tag ending in Y before the age reads as a year abbreviation (FY24
		// fiscal, CY23 calendar, MY25 model year) before an acronym (EPS, GDP, BMW)
		return (c.groups() == 2 && s.charAt(1) != 'Y') ? CHECK_DIGIT : WEAK;
	}

	/**
	 * Whether a UK age identifier has been issued by the given year: 02-50 in March of
	 * 2002-2050, 51-99 in September of 2001-2049, 00 in September 2050; 01 never.
	 */
	static boolean ukAgeIssued(int age, int year) {
		int issued = (age == 0) ? 2050 : (age <= 50) ? 2000 + age : 2000 + age - 50;
		return age != 1 && issued <= year;
	}

	// Turkey

	static PiiRecognizer trLicensePlate() {
		// the province code alone or before the letters (34 ABC 123, 34ABC123)
		return plate("TR_LICENSE_PLATE", " -", 1, 3, 7, 8,
				(text, token) -> text.tokenLength(token) >= 2 && PiiText.isDigit(text.charAt(text.tokenStart(token)))
						&& PiiText.isDigit(text.charAt(text.tokenStart(token) + 1))
						&& (text.tokenLength(token) == 2
								|| PiiText.isAsciiLetter(text.charAt(text.tokenStart(token) + 2))),
				VehicleAndPostalRecognizers::trPlate);
	}

	/**
	 * Turkish plate: the province code 01-81, one to three letters (the Turkish letters
	 * shared with the Latin alphabet: not Q, W or X) and a number, in the combinations
	 * the regulation lists for private vehicles: 99 X 9999, 99 XX 999, 99 XX 9999, 99 XXX
	 * 99 and 99 XXX 999 (the one-letter, five-digit form is for the police only), the
	 * groups separated alike or not at all. Sizes with a unit ({@code 16 GB 3200}) and
	 * dates with a month abbreviation ({@code 15-MAR-24}) have the same shape: weak.
	 */
	static double trPlate(Candidate c) {
		String s = upperCase(c);
		int n = s.length();
		if (digits(s, 0) != 2 || !c.uniformSeparator()) {
			return -1;
		}
		int province = Integer.parseInt(s.substring(0, 2));
		int letters = letters(s, 2);
		int number = digits(s, 2 + letters);
		if (province < 1 || province > 81 || 2 + letters + number != n || !groupsEndAt(c, 2, 2 + letters)) {
			return -1;
		}
		boolean combination = (letters == 1 && number == 4) || (letters == 2 && (number == 3 || number == 4))
				|| (letters == 3 && (number == 2 || number == 3));
		return (combination && noneOf(s, 2, 2 + letters, "QWX") && !zeros(s, 2 + letters, n)) ? WEAK : -1;
	}

	// India

	static PiiRecognizer inVehicleRegistration() {
		return plate("IN_VEHICLE_REGISTRATION", " -", 1, 4, 5, 11, VehicleAndPostalRecognizers::inFirstToken,
				VehicleAndPostalRecognizers::inRegistration);
	}

	/**
	 * A registration starts with a state code in capitals or with the two digits of a
	 * Bharat-series year: other tokens (the words of prose) are not tried as the start of
	 * a four-group join.
	 */
	private static boolean inFirstToken(PiiText text, int token) {
		if (text.tokenLength(token) < 2) {
			return false;
		}
		int start = text.tokenStart(token);
		char first = text.charAt(start);
		char second = text.charAt(start + 1);
		if (PiiText.isDigit(first)) {
			// a Bharat-series year alone or before BH
			return PiiText.isDigit(second) && (text.tokenLength(token) == 2 || text.text().startsWith("BH", start + 2));
		}
		return upper(first) && upper(second) && IN_STATES.contains(String.valueOf(new char[] { first, second }));
	}

	/**
	 * Indian registration (Central Motor Vehicles Rules): a state or union territory code
	 * from the official list, the RTO district number (1-2 digits), a series of up to
	 * three letters and a number of up to four digits (MH 12 AB 1234; Delhi writes a
	 * vehicle class letter first, DL 3C AB 1234, so a separator may fall inside the
	 * letters). Without a series or with a short number the shape is generic: weak. The
	 * Bharat series (BH, 2021): year of registration, BH, four digits and one or two
	 * letters other than I and O (22 BH 1234 AA).
	 */
	static double inRegistration(Candidate c) {
		String s = upperCase(c);
		int n = s.length();
		if (PiiText.isDigit(s.charAt(0))) {
			// Bharat series
			boolean bh = n >= 9 && digits(s, 0) == 2 && s.startsWith("BH", 2) && digits(s, 4) == 4
					&& letters(s, 8) == n - 8 && n <= 10 && groupsEndAt(c, 2, 4, 8);
			return (bh && Integer.parseInt(s.substring(0, 2)) >= 21 && noneOf(s, 8, n, "IO") && !zeros(s, 4, 8))
					? CHECK_DIGIT : -1;
		}
		if (letters(s, 0) != 2 || !IN_STATES.contains(s.substring(0, 2))) {
			return -1;
		}
		int run = digits(s, 2);
		int series = letters(s, 2 + run);
		// without a series the district and the number are one run of digits: a
		// separator tells them apart
		int district = (series > 0) ? run : groupEndAfter(c, 2) - 2;
		int start = 2 + district + series;
		int number = n - start;
		if (district < 1 || district > 2 || zeros(s, 2, 2 + district) || series > 3 || number < 1 || number > 4
				|| digits(s, start) != number || zeros(s, start, n) || !groupsEndAt(c, 2, 2 + district,
						Math.min(2 + district + 1, start), Math.min(2 + district + 2, start), start)) {
			return -1;
		}
		return (series > 0 && number == 4) ? CHECK_DIGIT : WEAK;
	}

	// Nigeria

	static PiiRecognizer ngVehicleRegistration() {
		return plate("NG_VEHICLE_REGISTRATION", " -", 1, 3, 8, 8,
				(text, token) -> upper(text.charAt(text.tokenStart(token)))
						&& (text.tokenLength(token) == 3 || text.tokenHasDigit(token)),
				VehicleAndPostalRecognizers::ngPlate);
	}

	/**
	 * Nigerian plate (2011 format): the three-letter code of the local government area,
	 * three digits and two letters (ABC 123 XY, KJA-123XY). Without the list of area
	 * codes (774 of them) the shape is that of acronyms with a number ({@code RFC 791
	 * IP}) and part numbers: weak.
	 */
	static double ngPlate(Candidate c) {
		String s = upperCase(c);
		boolean layout = letters(s, 0) == 3 && digits(s, 3) == 3 && letters(s, 6) == 2 && c.uniformSeparator()
				&& groupsEndAt(c, 3, 6);
		return (layout && !zeros(s, 3, 6)) ? WEAK : -1;
	}

	// Germany: vehicle registrations

	static PiiRecognizer deKfz() {
		return plate("DE_KFZ", " -", 3, 3, 3, 9,
				(text, token) -> text.tokenLength(token) <= 3
						&& letters(text.text(), text.tokenStart(token)) == text.tokenLength(token),
				VehicleAndPostalRecognizers::deKfz);
	}

	/**
	 * German registration (Fahrzeug-Zulassungsverordnung): the district code of one to
	 * three letters, a hyphen or space, one or two letters, a space and a number of one
	 * to four digits without a leading zero, at most eight characters together, with an
	 * optional E (electric) or H (historic) after the number (M-AB 1234, HH AB 123E). The
	 * letter pairs HJ, KZ, NS, SA and SS are not issued. A hyphen before the number
	 * ({@code CC-BY-SA-3}) is no plate. The district list (several hundred codes) is not
	 * kept here: weak.
	 */
	static double deKfz(Candidate c) {
		if (c.groups() != 3 || c.separators().charAt(1) != ' ') {
			return -1;
		}
		String s = upperCase(c);
		int[] lengths = c.groupLengths();
		int district = lengths[0];
		int letters = lengths[1];
		int last = lengths[2];
		int number = digits(s, district + letters);
		int suffix = last - number;
		if (letters(s, 0) != district + letters || letters > 2 || number < 1 || number > 4
				|| s.charAt(district + letters) == '0' || district + letters + number > 8 || suffix > 1
				|| DE_KFZ_EXCLUDED.contains(s.substring(district, district + letters))) {
			return -1;
		}
		return (suffix == 0 || s.charAt(s.length() - 1) == 'E' || s.charAt(s.length() - 1) == 'H') ? WEAK : -1;
	}

}
