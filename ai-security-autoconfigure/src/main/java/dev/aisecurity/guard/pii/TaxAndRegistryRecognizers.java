package dev.aisecurity.guard.pii;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tax, business-registry, voter and bank-account numbers. Each validator implements the
 * published layout of its format and, where one is published, its check character;
 * formats without a check (bare runs of digits above all) stay weak and need a context
 * word.
 */
final class TaxAndRegistryRecognizers {

	static final double STRONG = NationalIdRecognizers.STRONG;

	static final double CHECK_DIGIT = CoreRecognizers.CHECK_DIGIT;

	static final double WEAK = CoreRecognizers.WEAK;

	/**
	 * Characters that join a run of digits to a neighbouring one in a longer number
	 * (decimals, versions, dates, times, phone and card groups).
	 */
	private static final String NUMBER_JOINERS = " .,:/-";

	private TaxAndRegistryRecognizers() {
	}

	static List<PiiRecognizer> all() {
		List<PiiRecognizer> all = new ArrayList<>();
		// India
		all.add(TokenRecognizer.builder("IN_PAN")
			.length(10, 10)
			.validator((c) -> indianPan(c.compact(), 0) ? CHECK_DIGIT : -1)
			.build());
		all.add(TokenRecognizer.builder("IN_GSTIN").length(15, 15).validator((c) -> gstin(c.compact())).build());
		all.add(TokenRecognizer.builder("IN_VOTER")
			.length(10, 10)
			.validator((c) -> epic(c.compact()) ? WEAK : -1)
			.build());
		// Singapore
		all.add(TokenRecognizer.builder("SG_UEN").length(9, 10).validator((c) -> uen(c.compact())).build());
		// Philippines
		all.add(groupedDigits("PH_TIN", "-", 14, TaxAndRegistryRecognizers::philippineTinLayout,
				(c) -> !placeholder(c.compact().substring(0, 9)) ? WEAK : -1));
		// Nigeria
		all.add(bareDigits("NG_NIN", 11, 11, (c) -> nigerianNin(c.compact()) ? WEAK : -1));
		// Germany
		all.add(groupedDigits("DE_TAX_NUMBER", "/ ", 13, TaxAndRegistryRecognizers::steuernummerLayout,
				(c) -> steuernummer(c) ? WEAK : -1));
		all.add(bareDigits("DE_BSNR", 9, 9, (c) -> bsnr(c.compact()) ? WEAK : -1));
		// not a number whose first group a decimal or thousands group continues (HRA
		// 15,000 is an amount)
		all.add(StandaloneRecognizer.of(TokenRecognizer.builder("DE_HANDELSREGISTER")
			.joinedBy(" ", 4)
			.length(3, 16)
			.startsWithDigitOrCapital()
			.firstToken(TaxAndRegistryRecognizers::registerStart)
			.validator(TaxAndRegistryRecognizers::handelsregister)
			.build()));
		// United States
		all.add(bareDigits("US_BANK_NUMBER", 8, 17, (c) -> usBankAccount(c.compact()) ? WEAK : -1));
		return all;
	}

	static void contextWords(Map<String, Set<String>> words) {
		ContextWords.put(words, "IN_PAN", "pan", "permanent", "income", "tax");
		ContextWords.put(words, "IN_GSTIN", "gstin", "gst", "gstn", "goods", "tax");
		ContextWords.put(words, "IN_VOTER", "epic", "voter", "elector", "election");
		ContextWords.put(words, "SG_UEN", "uen", "acra", "entity", "business", "company", "registration");
		ContextWords.put(words, "PH_TIN", "tin", "taxpayer", "tax", "bir", "philippine");
		ContextWords.put(words, "NG_NIN", "nin", "nimc", "nigeria", "identification");
		ContextWords.put(words, "DE_TAX_NUMBER", "steuernummer", "steuer", "stnr", "st", "tax");
		ContextWords.put(words, "DE_BSNR", "bsnr", "nbsnr", "betriebsstätte", "betriebsstaette", "betriebsstatte");
		ContextWords.put(words, "DE_HANDELSREGISTER", "handelsregister", "amtsgericht", "registergericht",
				"registernummer", "vereinsregister", "partnerschaftsregister", "genossenschaftsregister",
				"gesellschaftsregister", "commercial");
		ContextWords.put(words, "US_BANK_NUMBER", "account", "acct", "bank", "checking", "savings");
	}

	/**
	 * A run of digits standing on its own, not a group of a longer number: for the
	 * formats whose only structure is their length.
	 */
	private static TokenRecognizer bareDigits(String type, int minLength, int maxLength,
			TokenRecognizer.Validator validator) {
		return TokenRecognizer.builder(type)
			.length(minLength, maxLength)
			.digits()
			.firstToken((text, token) -> digitRun(text, token, "", 1) != null && !labelledOtherwise(text, token))
			.validator(validator)
			.build();
	}

	/**
	 * Up to four groups of digits joined by one of {@code separators}, in one of the
	 * format's layouts, standing on their own (see {@link #digitRun}).
	 */
	private static TokenRecognizer groupedDigits(String type, String separators, int maxLength, Predicate<int[]> layout,
			TokenRecognizer.Validator validator) {
		return TokenRecognizer.builder(type)
			.joinedBy(separators, 4)
			.length(9, maxLength)
			.digits()
			.firstToken((text, token) -> layout.test(digitRun(text, token, separators, 4))
					&& !labelledOtherwise(text, token))
			.validator((c) -> layout.test(c.groupLengths()) ? validator.score(c) : -1)
			.build();
	}

	/**
	 * The group lengths of the run of digit-only tokens that starts at {@code first},
	 * joined by one of {@code separators} (the same one throughout); {@code null} when
	 * the run has more than {@code maxGroups} groups or is part of a longer number or
	 * identifier (see {@link #continuesBefore} and {@link #continuesAfter}).
	 */
	static int[] digitRun(PiiText text, int first, String separators, int maxGroups) {
		String s = text.text();
		if (!text.tokenIsDigits(first) || continuesBefore(s, text.tokenStart(first))) {
			return null;
		}
		int[] lengths = new int[maxGroups + 1];
		int groups = 0;
		int token = first;
		lengths[groups++] = text.tokenLength(token);
		char separator = 0;
		while (groups <= maxGroups && token + 1 < text.tokenCount()) {
			int gap = text.tokenEnd(token);
			char c = s.charAt(gap);
			if (text.tokenStart(token + 1) != gap + 1 || separators.indexOf(c) < 0 || (separator != 0 && c != separator)
					|| !text.tokenIsDigits(token + 1)) {
				break;
			}
			separator = c;
			token++;
			lengths[groups++] = text.tokenLength(token);
		}
		return (groups > maxGroups || continuesAfter(s, text.tokenEnd(token))) ? null : Arrays.copyOf(lengths, groups);
	}

	/**
	 * Whether the number starting at {@code start} continues a longer number or an
	 * identifier: a {@code +} (a phone number's country code) before it, a word with a
	 * digit across one of {@link #NUMBER_JOINERS}, or a word glued by {@code _}, or by
	 * {@code -} when that word is itself a group of a hyphenated identifier
	 * ({@code a716-446655440000}). A label without digits ({@code acct-12345678}) is not.
	 */
	private static boolean continuesBefore(String s, int start) {
		if (start < 2) {
			return start == 1 && s.charAt(0) == '+';
		}
		char c = s.charAt(start - 1);
		if (c == '+' || (NUMBER_JOINERS.indexOf(c) >= 0 && PiiText.wordWithDigit(s, start - 2, -1))) {
			return true;
		}
		if ((c != '-' && c != '_') || !PiiText.isWordChar(s.charAt(start - 2))) {
			return false;
		}
		int wordStart = start - 2;
		while (wordStart > 0 && start - wordStart < WORD_LIMIT && PiiText.isWordChar(s.charAt(wordStart - 1))) {
			wordStart--;
		}
		return c == '_' || (wordStart > 0 && s.charAt(wordStart - 1) == '-');
	}

	/**
	 * Whether the number ending at {@code end} goes on: a word with a digit across one of
	 * {@link #NUMBER_JOINERS}, or any word glued by {@code -} or {@code _}
	 * ({@code 39128345-beed}).
	 */
	private static boolean continuesAfter(String s, int end) {
		if (end + 1 >= s.length()) {
			return false;
		}
		char c = s.charAt(end);
		return ((c == '-' || c == '_') && PiiText.isWordChar(s.charAt(end + 1)))
				|| (NUMBER_JOINERS.indexOf(c) >= 0 && PiiText.wordWithDigit(s, end + 1, 1));
	}

	/** How far {@link #labelledOtherwise} reads a word. */
	private static final int WORD_LIMIT = 32;

	/**
	 * Labels of numbers of other kinds: a run of digits right after one of them
	 * ({@code order number 123456789}, {@code Tel. 030 1234567}) is that kind of number,
	 * even where a word of the type's context is near.
	 */
	private static final Set<String> OTHER_LABELS = Set.of("order", "invoice", "tracking", "ticket", "serial", "sku",
			"version", "build", "commit", "reference", "ref", "isbn", "phone", "telephone", "tel", "fax", "mobile",
			"cell", "call", "customer", "item", "article", "part", "batch", "lot", "page", "port", "pid", "uid");

	/** Words between a label and its number ({@code order no. 123}). */
	private static final Set<String> LABEL_FILLERS = Set.of("number", "no", "nr", "num", "id");

	/**
	 * Whether one of the (at most two) words right before {@code token}, separated from
	 * it by at most three characters each, is a label of another kind of number.
	 */
	static boolean labelledOtherwise(PiiText text, int token) {
		String s = text.text();
		int position = text.tokenStart(token);
		for (int word = 0; word < 2; word++) {
			int end = position;
			while (end > 0 && position - end < 3 && !PiiText.isWordChar(s.charAt(end - 1))) {
				end--;
			}
			int start = end;
			while (start > 0 && end - start < WORD_LIMIT && PiiText.isWordChar(s.charAt(start - 1))) {
				start--;
			}
			if (start == end || (start > 0 && PiiText.isWordChar(s.charAt(start - 1)))) {
				return false;
			}
			String label = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
			if (OTHER_LABELS.contains(label)) {
				return true;
			}
			if (!LABEL_FILLERS.contains(label)) {
				return false;
			}
			position = start;
		}
		return false;
	}

	private static boolean allSame(String s) {
		for (int i = 1; i < s.length(); i++) {
			if (s.charAt(i) != s.charAt(0)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Digits that only fill a form's layout: one digit repeated ({@code 000000000}) or
	 * counting up ({@code 123456789}), as in examples and placeholders.
	 */
	static boolean placeholder(String digits) {
		if (allSame(digits)) {
			return true;
		}
		for (int i = 1; i < digits.length(); i++) {
			if (digits.charAt(i) != (char) ('0' + (digits.charAt(i - 1) - '0' + 1) % 10)) {
				return false;
			}
		}
		return true;
	}

	private static boolean upper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean upperLetters(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!upper(s.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean digits(String s, int from, int to) {
		return Checksums.isDigits(s.substring(from, to));
	}

	/** Holder types, the fourth letter of a PAN (individual, company, HUF, firm, ...). */
	private static final String PAN_HOLDER_TYPES = "PCHFATBLJG";

	/**
	 * Indian Permanent Account Number at {@code offset}: three letters, the holder type,
	 * the initial of the name, a serial number 0001-9999 and a letter (a check letter
	 * whose algorithm is not published).
	 */
	static boolean indianPan(String s, int offset) {
		return upperLetters(s, offset, offset + 5) && PAN_HOLDER_TYPES.indexOf(s.charAt(offset + 3)) >= 0
				&& digits(s, offset + 5, offset + 9) && !s.startsWith("0000", offset + 5)
				&& upper(s.charAt(offset + 9));
	}

	private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	/**
	 * GSTIN: state code (01-38, 97 other territory, 99 centre jurisdiction), the holder's
	 * PAN, the registration number within the state (1-9, then A-Z), 'Z' by default, and
	 * the GSTN check character (Luhn mod 36 over the first fourteen).
	 */
	static double gstin(String s) {
		if (!digits(s, 0, 2)) {
			return -1;
		}
		int state = Integer.parseInt(s.substring(0, 2));
		if (!((state >= 1 && state <= 38) || state == 97 || state == 99) || !indianPan(s, 2)) {
			return -1;
		}
		char entity = s.charAt(12);
		if (!((entity >= '1' && entity <= '9') || upper(entity)) || BASE36.indexOf(s.charAt(13)) < 0) {
			return -1;
		}
		int sum = 0;
		for (int i = 0; i < 14; i++) {
			int product = BASE36.indexOf(s.charAt(i)) * ((i % 2 == 0) ? 1 : 2);
			sum += product / 36 + product % 36;
		}
		if (BASE36.charAt((36 - sum % 36) % 36) != s.charAt(14)) {
			return -1;
		}
		return (s.charAt(13) == 'Z') ? STRONG : CHECK_DIGIT;
	}

	/** Indian voter id (EPIC): three letters and seven digits, without a check. */
	static boolean epic(String s) {
		return upperLetters(s, 0, 3) && digits(s, 3, 10) && !placeholder(s.substring(3));
	}

	/** Entity types of the third UEN form (published by the UEN issuing agencies). */
	private static final Set<String> UEN_ENTITY_TYPES = Set.of("CC", "CD", "CH", "CL", "CM", "CP", "CS", "CX", "DP",
			"FB", "FC", "FM", "FN", "GA", "GB", "GS", "HS", "LL", "LP", "MB", "MC", "MD", "MH", "MM", "MQ", "NB", "NR",
			"PA", "PB", "PF", "RF", "RP", "SM", "SS", "TC", "TU", "VH", "XL");

	private static final String UEN_BUSINESS_CHECK = "XMKECAWLJDB";

	private static final String UEN_COMPANY_CHECK = "ZKCMDNERGWH";

	private static final String UEN_OTHER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWX0123456789";

	private static final int CURRENT_YEAR = Year.now(ZoneOffset.UTC).getValue();

	/**
	 * Singapore Unique Entity Number in its three forms: businesses (eight digits and a
	 * check letter), local companies (year of registration, five digits, check letter),
	 * and other entities (T, S or R for the century, the year, a two-letter entity type,
	 * four digits, check letter).
	 */
	static double uen(String s) {
		int n = s.length();
		char last = s.charAt(n - 1);
		if (!upper(last)) {
			return -1;
		}
		if (n == 9 && digits(s, 0, 8)) {
			int sum = Checksums.weightedSum(s, 10, 4, 9, 3, 8, 2, 7, 1);
			return (UEN_BUSINESS_CHECK.charAt(sum % 11) == last && !allSame(s.substring(0, 8))) ? CHECK_DIGIT : -1;
		}
		if (n != 10) {
			return -1;
		}
		if (digits(s, 0, 9)) {
			int year = Integer.parseInt(s.substring(0, 4));
			int sum = Checksums.weightedSum(s, 10, 8, 6, 4, 9, 7, 5, 3, 1);
			return (year >= 1800 && year <= CURRENT_YEAR && UEN_COMPANY_CHECK.charAt(sum % 11) == last) ? CHECK_DIGIT
					: -1;
		}
		int century = "RST".indexOf(s.charAt(0));
		if (century < 0 || !digits(s, 1, 3) || !UEN_ENTITY_TYPES.contains(s.substring(3, 5)) || !digits(s, 5, 9)) {
			return -1;
		}
		if (1800 + 100 * century + Integer.parseInt(s.substring(1, 3)) > CURRENT_YEAR) {
			return -1;
		}
		int[] weights = { 4, 3, 5, 3, 10, 2, 2, 5, 7 };
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += UEN_OTHER_ALPHABET.indexOf(s.charAt(i)) * weights[i];
		}
		return (UEN_OTHER_ALPHABET.charAt(Math.floorMod(sum - 5, 11)) == last) ? STRONG : -1;
	}

	/**
	 * Philippine TIN: nine digits, written 123-456-789, with a branch code of three (or,
	 * since the longer codes, five) digits; or the same digits unbroken.
	 */
	static boolean philippineTinLayout(int[] lengths) {
		if (lengths == null) {
			return false;
		}
		if (lengths.length == 1) {
			return lengths[0] == 9 || lengths[0] == 12;
		}
		return lengths.length >= 3 && lengths[0] == 3 && lengths[1] == 3 && lengths[2] == 3
				&& (lengths.length == 3 || (lengths.length == 4 && (lengths[3] == 3 || lengths[3] == 5)));
	}

	/**
	 * Nigerian National Identification Number: eleven digits without a published check. A
	 * leading 0 is the national trunk prefix of an eleven-digit phone number.
	 */
	static boolean nigerianNin(String s) {
		return s.charAt(0) != '0' && !placeholder(s);
	}

	/**
	 * Layouts of the German Steuernummer: the 13-digit federal form and the state forms
	 * (Berlin, Hamburg, Niedersachsen 12/345/67890; Bayern, Brandenburg and the eastern
	 * states 123/456/78901; Baden-Württemberg 12345/67890; Nordrhein-Westfalen
	 * 123/4567/8901; Rheinland-Pfalz 12/345/6789/0; Bremen and Schleswig-Holstein 12 345
	 * 67890; Hessen 012 345 67890).
	 */
	static boolean steuernummerLayout(int[] lengths) {
		if (lengths == null) {
			return false;
		}
		return Arrays.equals(lengths, new int[] { 13 }) || Arrays.equals(lengths, new int[] { 2, 3, 5 })
				|| Arrays.equals(lengths, new int[] { 3, 3, 5 }) || Arrays.equals(lengths, new int[] { 5, 5 })
				|| Arrays.equals(lengths, new int[] { 3, 4, 4 }) || Arrays.equals(lengths, new int[] { 2, 3, 4, 1 });
	}

	/**
	 * First two digits of the Bundesfinanzamtsnummer that opens the 13-digit federal
	 * form, by state (first digit 5 Nordrhein-Westfalen, 9 Bayern).
	 */
	private static final Set<String> STEUERNUMMER_STATES = Set.of("10", "11", "21", "22", "23", "24", "26", "27", "28",
			"30", "31", "32", "40", "41");

	static boolean steuernummer(Candidate c) {
		String s = c.compact();
		if (!steuernummerLayout(c.groupLengths()) || !c.uniformSeparator() || placeholder(s)) {
			return false;
		}
		if (c.groups() == 1) {
			// federal form: Finanzamt number, a 0, district, serial and check digit
			boolean state = s.charAt(0) == '5' || s.charAt(0) == '9' || STEUERNUMMER_STATES.contains(s.substring(0, 2));
			return state && s.charAt(4) == '0';
		}
		if (c.separators().charAt(0) == '/') {
			return true;
		}
		// written with spaces: Bremen and Schleswig-Holstein (2 3 5), Hessen (0FF 3 5)
		return c.hasGroups(2, 3, 5) || (c.hasGroups(3, 3, 5) && s.charAt(0) == '0');
	}

	/**
	 * Codes of the seventeen Kassenärztliche Vereinigungen (Anlage 21 BMV-Ä) that open a
	 * Betriebsstättennummer.
	 */
	private static final Set<String> KV_REGIONS = Set.of("01", "02", "03", "17", "20", "38", "46", "51", "52", "71",
			"72", "73", "78", "83", "88", "93", "98");

	static boolean bsnr(String s) {
		return KV_REGIONS.contains(s.substring(0, 2)) && !placeholder(s.substring(2));
	}

	/**
	 * Register prefixes: Handelsregister A and B, Genossenschafts-, Gesellschafts-,
	 * Partnerschafts- and Vereinsregister. The last two are common abbreviations in other
	 * senses (pull request, virtual reality): weak without a context word. So are the
	 * upper-case spellings of GnR and GsR, acronyms of other things as often (Suzuki GSR
	 * 750, GNR trains).
	 */
	private static final Map<String, Double> REGISTERS = Map.of("HRA", CHECK_DIGIT, "HRB", CHECK_DIGIT, "GnR",
			CHECK_DIGIT, "GNR", WEAK, "GsR", CHECK_DIGIT, "GSR", WEAK, "PR", WEAK, "VR", WEAK);

	/**
	 * Whether a token can start a register number: a register's prefix alone or with the
	 * number glued to it ({@code HRB}, {@code HRB12345}), or {@code HR} before the
	 * register letter. Words of prose are not tried as the start of a four-group join.
	 */
	private static boolean registerStart(PiiText text, int token) {
		int start = text.tokenStart(token);
		int length = text.tokenLength(token);
		if (length < 2 || "HGPV".indexOf(text.charAt(start)) < 0) {
			return false;
		}
		int letters = 0;
		while (letters < length && PiiText.isAsciiLetter(text.charAt(start + letters))) {
			letters++;
		}
		if (letters < 2 || letters > 3) {
			return false;
		}
		String prefix = text.text().substring(start, start + letters);
		return prefix.equals("HR") ? letters == length : REGISTERS.containsKey(prefix);
	}

	/**
	 * A German register number: the register's prefix ({@code HRB}, {@code HR B}), a
	 * number of one to six digits, and the court's suffix some courts add
	 * ({@code HRB 12345 B}).
	 */
	static double handelsregister(Candidate c) {
		String s = c.compact();
		int[] lengths = c.groupLengths();
		// split the tokens into prefix, number and suffix
		int group = 0;
		int offset = 0;
		String prefix;
		if (lengths[0] == 2 && c.groups() >= 3 && s.startsWith("HR") && lengths[1] == 1
				&& (s.charAt(2) == 'A' || s.charAt(2) == 'B')) {
			prefix = s.substring(0, 3);
			group = 2;
			offset = 3;
		}
		else {
			int letters = 0;
			while (letters < lengths[0] && PiiText.isAsciiLetter(s.charAt(letters))) {
				letters++;
			}
			prefix = s.substring(0, letters);
			if (letters == lengths[0]) {
				group = 1;
				offset = letters;
			}
			else {
				// prefix and number in one token
				lengths = lengths.clone();
				lengths[0] -= letters;
				offset = letters;
			}
		}
		Double score = REGISTERS.get(prefix);
		if (score == null || group >= lengths.length) {
			return -1;
		}
		int numberLength = lengths[group];
		if (numberLength > 6 || !digits(s, offset, offset + numberLength) || s.charAt(offset) == '0') {
			return -1;
		}
		int rest = lengths.length - group - 1;
		if (rest > 1 || (rest == 1 && !(lengths[group + 1] <= 2
				&& upperLetters(s, offset + numberLength, offset + numberLength + lengths[group + 1])))) {
			return -1;
		}
		return score;
	}

	/**
	 * US bank account number: 8 to 17 digits, no check digit. A value that is a payment
	 * card number or an ABA routing number is reported as that; an eight-digit date
	 * (yyyymmdd) is a date.
	 */
	static boolean usBankAccount(String s) {
		if (placeholder(s)) {
			return false;
		}
		if (s.length() == 8) {
			int year = Integer.parseInt(s.substring(0, 4));
			if (year >= 1900 && year <= 2099 && NationalIdRecognizers.validDate(year,
					Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)))) {
				return false;
			}
		}
		if (s.length() >= 12 && Checksums.luhn(s) && CoreRecognizers.issuerAccepts(s)) {
			return false;
		}
		return s.length() != 9 || !CoreRecognizers.validAba(s);
	}

}
