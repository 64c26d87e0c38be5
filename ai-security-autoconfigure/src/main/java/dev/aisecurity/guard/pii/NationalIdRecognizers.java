package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * National identifiers with a check digit or a strict structure (dates, ranges, letter
 * positions). Each validator implements the published rules of its format; where a format
 * has no check digit the score stays low and a context word is needed.
 */
final class NationalIdRecognizers {

	static final double STRONG = 0.85;

	static final double CHECK_DIGIT = CoreRecognizers.CHECK_DIGIT;

	static final double WEAK = CoreRecognizers.WEAK;

	private NationalIdRecognizers() {
	}

	static List<PiiRecognizer> all() {
		List<PiiRecognizer> all = new ArrayList<>();
		// Australia
		all.add(digits("AU_ABN", " ", 4, 11,
				(c) -> (c.groups() == 1 || c.hasGroups(2, 3, 3, 3)) && abn(c.compact()) ? 0.75 : -1));
		all.add(digits("AU_ACN", " ", 3, 9, (c) -> threeByThree(c) && acn(c.compact()) ? CHECK_DIGIT : -1));
		all.add(digits("AU_TFN", " ", 3, 9, (c) -> threeByThree(c) && tfn(c.compact()) ? CHECK_DIGIT : -1));
		all.add(digits("AU_MEDICARE", " ", 4, 10, 11,
				(c) -> ((c.groups() == 1 || c.hasGroups(4, 5, 1) || c.hasGroups(4, 5, 1, 1))
						&& c.compact().length() >= 10 && medicare(c.compact())) ? CHECK_DIGIT : -1));
		// Canada
		all.add(digits("CA_SIN", " -", 3, 9, (c) -> (threeByThree(c) && sin(c.compact())) ? CHECK_DIGIT : -1));
		// Germany
		all.add(digits("DE_TAX_ID", " ", 4, 11,
				(c) -> (c.groups() == 1 || c.hasGroups(2, 3, 3, 3)) ? steuerId(c.compact()) : -1));
		all.add(TokenRecognizer.builder("DE_VAT_ID")
			.joinedBy(" ", 4)
			.length(11, 11)
			.firstToken((text, token) -> text.tokenLength(token) >= 2 && text.charAt(text.tokenStart(token)) == 'D'
					&& text.charAt(text.tokenStart(token) + 1) == 'E')
			.validator((c) -> (c.compact().startsWith("DE") && Checksums.isDigits(c.compact().substring(2))
					&& c.compact().charAt(2) != '0' && Checksums.iso7064Mod11Mod10(c.compact().substring(2))) ? STRONG
							: -1)
			.build());
		all.add(digits("DE_LANR", "", 1, 9, (c) -> lanr(c.compact()) ? 0.5 : -1));
		all.add(TokenRecognizer.builder("DE_HEALTH_INSURANCE")
			.length(10, 10)
			.validator((c) -> kvnr(c.compact()) ? CHECK_DIGIT : -1)
			.build());
		all.add(TokenRecognizer.builder("DE_SOCIAL_SECURITY")
			.length(12, 12)
			.validator((c) -> rvnr(c.compact()) ? STRONG : -1)
			.build());
		// Spain
		all.add(TokenRecognizer.builder("ES_NIF")
			.joinedBy("-", 2)
			.length(8, 9)
			.validator((c) -> nif(c) ? STRONG : -1)
			.build());
		all.add(TokenRecognizer.builder("ES_NIE")
			.joinedBy("-", 3)
			.length(9, 9)
			.validator((c) -> nie(c.compact()) ? STRONG : -1)
			.build());
		// Finland
		all.add(TokenRecognizer.builder("FI_PERSONAL_IDENTITY_CODE")
			.joinedBy("-+", 2)
			.length(10, 11)
			.validator((c) -> finnish(c) ? STRONG : -1)
			.build());
		// India
		all.add(digits("IN_AADHAAR", " -:", 3, 12,
				(c) -> ((c.groups() == 1 || (c.hasGroups(4, 4, 4) && c.uniformSeparator())) && aadhaar(c.compact()))
						? 0.7 : -1));
		// Italy
		all.add(digits("IT_VAT_CODE", "", 1, 11, (c) -> italianVat(c.compact()) ? CHECK_DIGIT : -1));
		all.add(TokenRecognizer.builder("IT_FISCAL_CODE")
			.length(16, 16)
			.validator((c) -> italianFiscalCode(c.compact()) ? STRONG : -1)
			.build());
		// Korea
		all.add(digits("KR_BRN", "-", 3, 10,
				(c) -> ((c.groups() == 1 || c.hasGroups(3, 2, 5)) && koreanBrn(c.compact())) ? CHECK_DIGIT : -1));
		all.add(digits("KR_RRN", "-", 2, 13, (c) -> koreanResident(c, false)));
		all.add(digits("KR_FRN", "-", 2, 13, (c) -> koreanResident(c, true)));
		// Poland
		all.add(digits("PL_PESEL", "", 1, 11, (c) -> pesel(c.compact()) ? CHECK_DIGIT : -1));
		// Sweden
		all.add(digits("SE_PERSONNUMMER", "-+", 2, 10, 12, (c) -> personnummer(c) ? 0.7 : -1));
		all.add(digits("SE_ORGANISATIONSNUMMER", "-", 2, 10,
				(c) -> ((c.groups() == 1 || c.hasGroups(6, 4)) && organisationsnummer(c.compact())) ? CHECK_DIGIT
						: -1));
		// Singapore
		all.add(TokenRecognizer.builder("SG_NRIC_FIN").length(9, 9).validator(NationalIdRecognizers::nric).build());
		// Thailand
		all.add(digits("TH_TNIN", "", 1, 13, (c) -> thaiId(c.compact()) ? CHECK_DIGIT : -1));
		// Turkey
		all.add(digits("TR_NATIONAL_ID", "", 1, 11, (c) -> turkishId(c.compact()) ? 0.7 : -1));
		// United States
		all.add(digits("US_NPI", " -", 3, 10,
				(c) -> ((c.groups() == 1 || c.hasGroups(4, 3, 3)) && npi(c.compact())) ? CHECK_DIGIT : -1));
		all.add(digits("US_ITIN", "- ", 3, 9, NationalIdRecognizers::itin));
		all.add(TokenRecognizer.builder("US_MBI")
			.joinedBy("-", 3)
			.length(11, 11)
			.validator((c) -> ((c.groups() == 1 || c.hasGroups(4, 3, 4)) && mbi(c.compact())) ? CHECK_DIGIT : -1)
			.build());
		// South Africa
		all.add(digits("ZA_ID_NUMBER", "", 1, 13, (c) -> southAfrican(c.compact()) ? CHECK_DIGIT : -1));
		// United Kingdom
		all.add(TokenRecognizer.builder("UK_NINO")
			.joinedBy(" ", 5)
			.firstToken((text, token) -> PiiText.isAsciiLetter(text.charAt(text.tokenStart(token)))
					&& text.tokenLength(token) >= 2 && PiiText.isAsciiLetter(text.charAt(text.tokenStart(token) + 1)))
			.length(9, 9)
			.validator((c) -> nino(c) ? 0.7 : -1)
			.build());
		all.add(TokenRecognizer.builder("UK_DRIVING_LICENCE")
			.length(16, 16)
			.validator((c) -> ukDrivingLicence(c.compact()) ? CHECK_DIGIT : -1)
			.build());
		// Network
		all.add(TokenRecognizer.builder("MAC_ADDRESS")
			.joinedBy(":-.", 6)
			.minGroups(3)
			.allowNoDigit()
			.firstToken((text, token) -> (text.tokenLength(token) == 2 || text.tokenLength(token) == 4)
					&& isHexToken(text, token))
			.length(12, 12)
			.validator((c) -> mac(c) ? 0.8 : -1)
			.build());
		return all;
	}

	static void contextWords(Map<String, Set<String>> words) {
		ContextWords.put(words, "AU_ABN", "abn", "australian", "business");
		ContextWords.put(words, "AU_ACN", "acn", "australian", "company");
		ContextWords.put(words, "AU_TFN", "tfn", "tax", "file");
		ContextWords.put(words, "AU_MEDICARE", "medicare");
		ContextWords.put(words, "CA_SIN", "sin", "social", "insurance", "canada", "canadian", "nas");
		ContextWords.put(words, "DE_TAX_ID", "steuer", "steuerid", "steueridentifikationsnummer", "idnr", "tax",
				"identifikationsnummer");
		ContextWords.put(words, "DE_VAT_ID", "ust", "ustid", "vat", "umsatzsteuer");
		ContextWords.put(words, "DE_LANR", "lanr", "arzt", "arztnummer", "arztnr", "physician");
		ContextWords.put(words, "DE_HEALTH_INSURANCE", "kvnr", "krankenversicherung", "versichertennummer",
				"krankenkasse", "egk", "insurance");
		ContextWords.put(words, "DE_SOCIAL_SECURITY", "rvnr", "sozialversicherung", "rentenversicherung",
				"versicherungsnummer", "social");
		ContextWords.put(words, "ES_NIF", "nif", "dni", "fiscal");
		ContextWords.put(words, "ES_NIE", "nie", "extranjero");
		ContextWords.put(words, "FI_PERSONAL_IDENTITY_CODE", "hetu", "henkil", "identity", "personal");
		ContextWords.put(words, "IN_AADHAAR", "aadhaar", "aadhar", "uidai", "uid");
		ContextWords.put(words, "IT_FISCAL_CODE", "codice", "fiscale", "cf", "fiscal");
		ContextWords.put(words, "IT_VAT_CODE", "iva", "partita", "vat");
		ContextWords.put(words, "KR_BRN", "brn", "business", "registration", "사업자등록번호");
		ContextWords.put(words, "KR_RRN", "rrn", "resident", "registration", "주민등록번호");
		ContextWords.put(words, "KR_FRN", "frn", "foreigner", "registration", "외국인등록번호");
		ContextWords.put(words, "PL_PESEL", "pesel");
		ContextWords.put(words, "SE_PERSONNUMMER", "personnummer", "personnr", "samordningsnummer");
		ContextWords.put(words, "SE_ORGANISATIONSNUMMER", "organisationsnummer", "orgnr", "orgnummer", "company");
		ContextWords.put(words, "SG_NRIC_FIN", "nric", "fin", "ic", "identity");
		ContextWords.put(words, "TH_TNIN", "tnin", "thai", "national", "id");
		ContextWords.put(words, "TR_NATIONAL_ID", "tckn", "kimlik", "tc", "turkish", "national");
		ContextWords.put(words, "US_NPI", "npi", "provider", "national");
		ContextWords.put(words, "US_ITIN", "itin", "taxpayer", "tax");
		ContextWords.put(words, "US_MBI", "mbi", "medicare", "beneficiary");
		ContextWords.put(words, "ZA_ID_NUMBER", "identity", "id", "rsa", "south");
		ContextWords.put(words, "UK_NINO", "nino", "insurance", "national");
		ContextWords.put(words, "UK_DRIVING_LICENCE", "licence", "license", "driving", "dvla");
		ContextWords.put(words, "MAC_ADDRESS", "mac", "hardware", "physical", "ethernet", "wifi");
	}

	private static TokenRecognizer digits(String type, String separators, int maxGroups, int length,
			TokenRecognizer.Validator validator) {
		return digits(type, separators, maxGroups, length, length, validator);
	}

	private static TokenRecognizer digits(String type, String separators, int maxGroups, int minLength, int maxLength,
			TokenRecognizer.Validator validator) {
		return TokenRecognizer.builder(type)
			.joinedBy(separators, maxGroups)
			.length(minLength, maxLength)
			.digits()
			.validator(validator)
			.build();
	}

	private static int d(String s, int i) {
		return s.charAt(i) - '0';
	}

	private static boolean threeByThree(Candidate c) {
		return c.groups() == 1 || (c.hasGroups(3, 3, 3) && c.uniformSeparator());
	}

	private static boolean allSame(String s) {
		for (int i = 1; i < s.length(); i++) {
			if (s.charAt(i) != s.charAt(0)) {
				return false;
			}
		}
		return true;
	}

	static boolean validDate(int year, int month, int day) {
		if (month < 1 || month > 12 || day < 1) {
			return false;
		}
		int[] days = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		if (day > days[month - 1]) {
			return false;
		}
		boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
		return month != 2 || day <= 28 || leap;
	}

	static boolean abn(String s) {
		if (s.charAt(0) == '0') {
			return false;
		}
		int[] weights = { 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 };
		int sum = (d(s, 0) - 1) * weights[0];
		for (int i = 1; i < 11; i++) {
			sum += d(s, i) * weights[i];
		}
		return sum % 89 == 0;
	}

	static boolean acn(String s) {
		int sum = Checksums.weightedSum(s, 8, 7, 6, 5, 4, 3, 2, 1);
		return (10 - sum % 10) % 10 == d(s, 8) && !allSame(s.substring(0, 8));
	}

	static boolean tfn(String s) {
		return Checksums.weightedSum(s, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0 && !allSame(s);
	}

	static boolean medicare(String s) {
		int first = d(s, 0);
		if (first < 2 || first > 6) {
			return false;
		}
		return Checksums.weightedSum(s, 1, 3, 7, 9, 1, 3, 7, 9) % 10 == d(s, 8);
	}

	static boolean sin(String s) {
		return s.charAt(0) != '0' && s.charAt(0) != '8' && Checksums.luhn(s);
	}

	/**
	 * German tax id (Steuer-IdNr.): ISO 7064 check digit, and among the first ten digits
	 * exactly one repeated (two or three times). Numbers that pass the check but not the
	 * digit rule (test numbers, typos) stay weak.
	 */
	static double steuerId(String s) {
		if (s.charAt(0) == '0' || !Checksums.iso7064Mod11Mod10(s)) {
			return -1;
		}
		int[] counts = new int[10];
		for (int i = 0; i < 10; i++) {
			counts[d(s, i)]++;
		}
		int repeated = 0;
		for (int count : counts) {
			if (count > 3) {
				return -1;
			}
			if (count >= 2) {
				repeated++;
			}
		}
		return (repeated == 1) ? CHECK_DIGIT : WEAK;
	}

	static boolean lanr(String s) {
		int sum = Checksums.weightedSum(s, 4, 9, 4, 9, 4, 9);
		return (10 - sum % 10) % 10 == d(s, 6);
	}

	private static int letterNumber(char c) {
		char upper = Character.toUpperCase(c);
		return (upper >= 'A' && upper <= 'Z') ? upper - 'A' + 1 : -1;
	}

	private static int crossSum(int n) {
		return n / 10 + n % 10;
	}

	/** German health insurance number (Krankenversichertennummer). */
	static boolean kvnr(String s) {
		int letter = letterNumber(s.charAt(0));
		if (letter < 0 || !Checksums.isDigits(s.substring(1))) {
			return false;
		}
		String digits = String.format(Locale.ROOT, "%02d", letter) + s.substring(1, 9);
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			sum += crossSum(d(digits, i) * ((i % 2 == 0) ? 1 : 2));
		}
		return sum % 10 == d(s, 9);
	}

	/** German pension insurance number (Rentenversicherungsnummer). */
	static boolean rvnr(String s) {
		if (!Checksums.isDigits(s.substring(0, 8)) || !Checksums.isDigits(s.substring(9))) {
			return false;
		}
		int letter = letterNumber(s.charAt(8));
		if (letter < 0 || s.charAt(8) < 'A' || s.charAt(8) > 'Z') {
			return false;
		}
		int day = Integer.parseInt(s.substring(2, 4));
		int month = Integer.parseInt(s.substring(4, 6));
		// day plus 50 when the serial numbers of a birth date are used up
		if (!validDate(2000, month, (day > 50) ? day - 50 : day)) {
			return false;
		}
		String digits = s.substring(0, 8) + String.format(Locale.ROOT, "%02d", letter) + s.substring(9, 11);
		int[] weights = { 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1 };
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += crossSum(d(digits, i) * weights[i]);
		}
		return sum % 10 == d(s, 11);
	}

	private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

	static boolean nif(Candidate c) {
		String s = c.compact().toUpperCase(Locale.ROOT);
		int n = s.length();
		if (c.groups() == 2 && c.groupLengths()[1] != 1) {
			return false;
		}
		String number = s.substring(0, n - 1);
		if (!Checksums.isDigits(number) || allSame(number) && number.charAt(0) == '0') {
			return false;
		}
		return NIF_LETTERS.charAt(Integer.parseInt(number) % 23) == s.charAt(n - 1);
	}

	static boolean nie(String compact) {
		String s = compact.toUpperCase(Locale.ROOT);
		int prefix = "XYZ".indexOf(s.charAt(0));
		if (prefix < 0 || !Checksums.isDigits(s.substring(1, 8))) {
			return false;
		}
		return NIF_LETTERS.charAt(Integer.parseInt(prefix + s.substring(1, 8)) % 23) == s.charAt(8);
	}

	private static final String FI_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

	static boolean finnish(Candidate c) {
		String s;
		char sign;
		if (c.groups() == 2) {
			if (c.groupLengths()[0] != 6 || c.groupLengths()[1] != 4) {
				return false;
			}
			sign = c.separators().charAt(0);
			s = c.compact();
		}
		else {
			if (c.compact().length() != 11) {
				return false;
			}
			sign = c.compact().charAt(6);
			s = c.compact().substring(0, 6) + c.compact().substring(7);
		}
		int century;
		if (sign == '+') {
			century = 1800;
		}
		else if ("-YXWVU".indexOf(sign) >= 0) {
			century = 1900;
		}
		else if ("ABCDEF".indexOf(sign) >= 0) {
			century = 2000;
		}
		else {
			return false;
		}
		String digits = s.substring(0, 9);
		if (!Checksums.isDigits(digits)) {
			return false;
		}
		int year = century + Integer.parseInt(s.substring(4, 6));
		if (!validDate(year, Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(0, 2)))) {
			return false;
		}
		int individual = Integer.parseInt(s.substring(6, 9));
		if (individual < 2) {
			return false;
		}
		return FI_CHECK.charAt(Integer.parseInt(digits) % 31) == Character.toUpperCase(s.charAt(9));
	}

	static boolean aadhaar(String s) {
		return s.charAt(0) >= '2' && Checksums.verhoeff(s) && !new StringBuilder(s).reverse().toString().equals(s);
	}

	static boolean italianVat(String s) {
		if (allSame(s.substring(0, 7)) && s.charAt(0) == '0') {
			return false;
		}
		int office = Integer.parseInt(s.substring(7, 10));
		boolean knownOffice = (office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888
				|| office == 999;
		return knownOffice && Checksums.luhn(s);
	}

	private static final int[] FISCAL_ODD = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
			10, 22, 25, 24, 23 };

	// letters standing for digits in codes altered to avoid duplicates (omocodia)
	private static final String OMOCODIA = "LMNPQRSTUV";

	/**
	 * Italian fiscal code: surname and name letters, birth year, month letter, day (plus
	 * 40 for women), municipality code, and the check letter over all fifteen characters.
	 */
	static boolean italianFiscalCode(String compact) {
		String s = compact.toUpperCase(Locale.ROOT);
		for (int i = 0; i < 16; i++) {
			char ch = s.charAt(i);
			boolean digitPosition = (i >= 6 && i <= 7) || (i >= 9 && i <= 10) || (i >= 12 && i <= 14);
			boolean ok = digitPosition ? (PiiText.isDigit(ch) || OMOCODIA.indexOf(ch) >= 0) : (ch >= 'A' && ch <= 'Z');
			if (!ok) {
				return false;
			}
		}
		if ("ABCDEHLMPRST".indexOf(s.charAt(8)) < 0) {
			return false;
		}
		int day = fiscalDigit(s.charAt(9)) * 10 + fiscalDigit(s.charAt(10));
		if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 15; i++) {
			char ch = s.charAt(i);
			int value = PiiText.isDigit(ch) ? ch - '0' : ch - 'A';
			sum += (i % 2 == 0) ? FISCAL_ODD[value] : value;
		}
		return s.charAt(15) == (char) ('A' + sum % 26);
	}

	private static int fiscalDigit(char ch) {
		return PiiText.isDigit(ch) ? ch - '0' : OMOCODIA.indexOf(ch);
	}

	static boolean koreanBrn(String s) {
		int sum = Checksums.weightedSum(s, 1, 3, 7, 1, 3, 7, 1, 3, 5) + (d(s, 8) * 5) / 10;
		return (10 - sum % 10) % 10 == d(s, 9) && !allSame(s);
	}

	/**
	 * Korean resident (RRN) and foreigner (FRN) registration numbers: a birth date and a
	 * gender/century digit (1-4 residents, 5-8 foreigners). Numbers issued before October
	 * 2020 end in a check digit; later ones do not, so a failed check lowers the score
	 * instead of rejecting.
	 */
	static double koreanResident(Candidate c, boolean foreigner) {
		if (!(c.groups() == 1 || c.hasGroups(6, 7))) {
			return -1;
		}
		String s = c.compact();
		int gender = d(s, 6);
		if (foreigner ? (gender < 5 || gender > 8) : (gender < 1 || gender > 4)) {
			return -1;
		}
		int century = (gender == 1 || gender == 2 || gender == 5 || gender == 6) ? 1900 : 2000;
		if (!validDate(century + Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
				Integer.parseInt(s.substring(4, 6)))) {
			return -1;
		}
		int sum = Checksums.weightedSum(s, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5);
		int check = foreigner ? ((11 - sum % 11) + 2) % 10 : (11 - sum % 11) % 10;
		return (check == d(s, 12)) ? STRONG : 0.5;
	}

	static boolean pesel(String s) {
		int year = Integer.parseInt(s.substring(0, 2));
		int month = Integer.parseInt(s.substring(2, 4));
		int day = Integer.parseInt(s.substring(4, 6));
		int offset = (month / 20) * 20;
		int[] centuries = { 1900, 2000, 2100, 2200, 1800 };
		if (offset > 80) {
			return false;
		}
		if (!validDate(centuries[offset / 20] + year, month - offset, day)) {
			return false;
		}
		int sum = Checksums.weightedSum(s, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3);
		return (10 - sum % 10) % 10 == d(s, 10);
	}

	static boolean personnummer(Candidate c) {
		String s = c.compact();
		if (c.groups() == 2 && !(c.hasGroups(6, 4) || c.hasGroups(8, 4))) {
			return false;
		}
		if (c.groups() == 1 && s.length() != 10) {
			if (s.length() != 12) {
				return false;
			}
		}
		String ten;
		int year;
		if (s.length() == 12) {
			year = Integer.parseInt(s.substring(0, 4));
			if (year < 1800 || year > 2099) {
				return false;
			}
			ten = s.substring(2);
		}
		else if (s.length() == 10) {
			ten = s;
			year = 2000 + Integer.parseInt(s.substring(0, 2));
		}
		else {
			return false;
		}
		int month = Integer.parseInt(ten.substring(2, 4));
		int day = Integer.parseInt(ten.substring(4, 6));
		if (day > 60) {
			day -= 60; // coordination number
		}
		// a two-digit year may be in either century: accept the date when valid in a leap
		// year
		if (!validDate((s.length() == 12) ? year : 2000, month, day)) {
			return false;
		}
		return Checksums.luhn(ten);
	}

	static boolean organisationsnummer(String s) {
		return d(s, 2) >= 2 && s.charAt(0) != '0' && s.charAt(0) != '4' && Checksums.luhn(s);
	}

	private static final String NRIC_ST = "JZIHGFEDCBA";

	private static final String NRIC_FG = "XWUTRQPNMLK";

	private static final String NRIC_M = "XWUTRQPNJLK";

	/**
	 * Singapore NRIC/FIN: prefix S, T, F, G or M, seven digits and a check letter. A
	 * wrong check letter leaves a weak score (a context word can still make it a
	 * finding).
	 */
	static double nric(Candidate c) {
		String s = c.compact().toUpperCase(Locale.ROOT);
		char prefix = s.charAt(0);
		if ("STFGM".indexOf(prefix) < 0 || !Checksums.isDigits(s.substring(1, 8))
				|| !PiiText.isAsciiLetter(s.charAt(8))) {
			return -1;
		}
		int sum = Checksums.weightedSum(s.substring(1), 2, 7, 6, 5, 4, 3, 2);
		if (prefix == 'T' || prefix == 'G') {
			sum += 4;
		}
		else if (prefix == 'M') {
			sum += 3;
		}
		String table = (prefix == 'S' || prefix == 'T') ? NRIC_ST : (prefix == 'M') ? NRIC_M : NRIC_FG;
		return (table.charAt(sum % 11) == s.charAt(8)) ? STRONG : WEAK;
	}

	static boolean thaiId(String s) {
		int province = Integer.parseInt(s.substring(1, 3));
		if (s.charAt(0) == '0' || s.charAt(0) == '9' || province < 10 || province > 96) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += d(s, i) * (13 - i);
		}
		return (11 - sum % 11) % 10 == d(s, 12);
	}

	static boolean turkishId(String s) {
		if (s.charAt(0) == '0') {
			return false;
		}
		int odd = d(s, 0) + d(s, 2) + d(s, 4) + d(s, 6) + d(s, 8);
		int even = d(s, 1) + d(s, 3) + d(s, 5) + d(s, 7);
		if (Math.floorMod(odd * 7 - even, 10) != d(s, 9)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			sum += d(s, i);
		}
		return sum % 10 == d(s, 10);
	}

	static boolean npi(String s) {
		return (s.charAt(0) == '1' || s.charAt(0) == '2') && !allSame(s.substring(0, 9)) && Checksums.luhn("80840" + s);
	}

	static double itin(Candidate c) {
		if (!(c.hasGroups(9) || c.hasGroups(3, 2, 4) || c.hasGroups(3, 6) || c.hasGroups(5, 4))
				|| !c.uniformSeparator()) {
			return -1;
		}
		String s = c.compact();
		int group = Integer.parseInt(s.substring(3, 5));
		boolean validGroup = (group >= 50 && group <= 65) || (group >= 70 && group <= 88)
				|| (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
		if (s.charAt(0) != '9' || !validGroup) {
			return -1;
		}
		return c.hasGroups(3, 2, 4) ? 0.85 : CHECK_DIGIT;
	}

	private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";

	static boolean mbi(String compact) {
		String s = compact.toUpperCase(Locale.ROOT);
		// position kinds: N numeric 1-9, n numeric, A letter, X letter or digit
		String layout = "NAXnAXnAAnn";
		for (int i = 0; i < 11; i++) {
			char ch = s.charAt(i);
			boolean ok = switch (layout.charAt(i)) {
				case 'N' -> ch >= '1' && ch <= '9';
				case 'n' -> PiiText.isDigit(ch);
				case 'A' -> MBI_LETTERS.indexOf(ch) >= 0;
				default -> PiiText.isDigit(ch) || MBI_LETTERS.indexOf(ch) >= 0;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	static boolean southAfrican(String s) {
		int month = Integer.parseInt(s.substring(2, 4));
		int day = Integer.parseInt(s.substring(4, 6));
		// citizenship: 0 citizen, 1 permanent resident, 2 refugee
		if (!validDate(2000, month, day) || s.charAt(10) < '0' || s.charAt(10) > '2') {
			return false;
		}
		return Checksums.luhn(s);
	}

	private static final Set<String> NINO_EXCLUDED_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

	static boolean nino(Candidate c) {
		if (!(c.groups() == 1 || c.hasGroups(2, 2, 2, 2, 1) || c.hasGroups(2, 6, 1) || c.hasGroups(8, 1)
				|| c.hasGroups(2, 7))) {
			return false;
		}
		String s = c.compact().toUpperCase(Locale.ROOT);
		char first = s.charAt(0);
		char second = s.charAt(1);
		if (!PiiText.isAsciiLetter(first) || !PiiText.isAsciiLetter(second) || "DFIQUV".indexOf(first) >= 0
				|| "DFIOQUV".indexOf(second) >= 0 || NINO_EXCLUDED_PREFIXES.contains(s.substring(0, 2))) {
			return false;
		}
		return Checksums.isDigits(s.substring(2, 8)) && "ABCD".indexOf(s.charAt(8)) >= 0;
	}

	/**
	 * UK (DVLA) driving licence number: surname (5, padded with 9), decade digit, month
	 * (plus 50 for women), day, year digit, two initials (padded with 9), a digit and two
	 * check characters.
	 */
	static boolean ukDrivingLicence(String compact) {
		String s = compact.toUpperCase(Locale.ROOT);
		if (!PiiText.isAsciiLetter(s.charAt(0))) {
			return false;
		}
		boolean padding = false;
		for (int i = 1; i < 5; i++) {
			char ch = s.charAt(i);
			if (ch == '9') {
				padding = true;
			}
			else if (padding || !PiiText.isAsciiLetter(ch)) {
				return false;
			}
		}
		if (!Checksums.isDigits(s.substring(5, 11))) {
			return false;
		}
		int month = Integer.parseInt(s.substring(6, 8));
		if (month > 50) {
			month -= 50;
		}
		int day = Integer.parseInt(s.substring(8, 10));
		if (!validDate(2000, month, day)) {
			return false;
		}
		char initial = s.charAt(11);
		char second = s.charAt(12);
		return PiiText.isAsciiLetter(initial) && (PiiText.isAsciiLetter(second) || second == '9')
				&& PiiText.isDigit(s.charAt(13)) && PiiText.isWordChar(s.charAt(14))
				&& PiiText.isWordChar(s.charAt(15));
	}

	/** A MAC address group is hexadecimal: most short words are not. */
	private static boolean isHexToken(PiiText text, int token) {
		for (int i = text.tokenStart(token); i < text.tokenEnd(token); i++) {
			char ch = text.charAt(i);
			if (!(PiiText.isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
				return false;
			}
		}
		return true;
	}

	static boolean mac(Candidate c) {
		if (c.groups() == 1 || !c.uniformSeparator()) {
			return false;
		}
		char separator = c.separators().charAt(0);
		boolean layout = (separator == '.') ? c.hasGroups(4, 4, 4) : c.hasGroups(2, 2, 2, 2, 2, 2);
		if (!layout) {
			return false;
		}
		String s = c.compact().toUpperCase(Locale.ROOT);
		for (int i = 0; i < 12; i++) {
			char ch = s.charAt(i);
			if (!(PiiText.isDigit(ch) || (ch >= 'A' && ch <= 'F'))) {
				return false;
			}
		}
		return !allSame(s);
	}

}
