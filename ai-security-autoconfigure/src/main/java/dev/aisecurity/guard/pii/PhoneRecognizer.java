package dev.aisecurity.guard.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers. A hand-written scanner finds runs of 7 to 15 digits written the way
 * phone numbers are ({@code +}, brackets, spaces, dots, hyphens); only those candidates
 * go to Google's libphonenumber, which validates them against the numbering plan of the
 * country code ({@code +...}) or of the configured regions. Also reports the
 * country-specific types {@code PH_MOBILE_NUMBER} and {@code TR_PHONE_NUMBER}.
 */
public final class PhoneRecognizer implements PiiRecognizer {

	/** International form, valid for its country code. */
	static final double INTERNATIONAL = 0.75;

	/** National form with separators, valid in a configured region. */
	static final double NATIONAL_FORMATTED = 0.6;

	/** National form as a bare run of digits: needs context. */
	static final double NATIONAL_BARE = 0.4;

	static final String PH_MOBILE_NUMBER = "PH_MOBILE_NUMBER";

	static final String TR_PHONE_NUMBER = "TR_PHONE_NUMBER";

	/** Regions whose national formats are recognised by default. */
	public static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR", "AU",
			"JP", "CN", "ES", "IT", "NL");

	private static final String SEPARATORS = " -./()";

	private static final List<String> COUNTRY_SPECIFIC_REGIONS = List.of("PH", "TR");

	/** The country code of the North American Numbering Plan. */
	private static final int NANP = 1;

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final List<String> regions;

	/**
	 * The country codes shared by the regions with a type of their own: only numbers with
	 * one of them can belong to such a region.
	 */
	private final Set<Integer> countrySpecificCodes;

	public PhoneRecognizer() {
		this(DEFAULT_REGIONS);
	}

	public PhoneRecognizer(List<String> regions) {
		this.regions = List.copyOf(regions);
		this.countrySpecificCodes = COUNTRY_SPECIFIC_REGIONS.stream()
			.map(this.util::getCountryCodeForRegion)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Set<String> types() {
		return Set.of(PiiTypes.PHONE_NUMBER, PH_MOBILE_NUMBER, TR_PHONE_NUMBER);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		String s = text.text();
		int n = s.length();
		// the verdicts on the candidates of this text: a number repeated in one text is
		// looked up once (nothing is kept beyond the call)
		Map<String, List<PiiEntity>> seen = null;
		int i = 0;
		while (i < n) {
			// a candidate starts at a digit or right before one
			int digit = text.nextDigit(i);
			if (digit < 0) {
				break;
			}
			i = Math.max(i, digit - 1);
			char c = s.charAt(i);
			boolean startable = PiiText.isDigit(c)
					|| ((c == '+' || c == '(') && i + 1 < n && PiiText.isDigit(s.charAt(i + 1)));
			if (!startable || (i > 0 && (PiiText.isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '+'))) {
				i++;
				continue;
			}
			int end = i;
			int digits = 0;
			int gap = 0;
			int lastDigitEnd = i;
			while (end < n) {
				char ch = s.charAt(end);
				if (PiiText.isDigit(ch)) {
					digits++;
					gap = 0;
					lastDigitEnd = end + 1;
				}
				else if ((SEPARATORS.indexOf(ch) >= 0 || (ch == '+' && end == i)) && gap < 2) {
					gap++;
				}
				else {
					break;
				}
				end++;
			}
			int candidateEnd = lastDigitEnd;
			if ((candidateEnd < n && PiiText.isWordChar(s.charAt(candidateEnd)))
					|| PiiText.gluedToIdentifier(s, i, candidateEnd)) {
				i = Math.max(candidateEnd, i + 1);
				continue;
			}
			if (digits >= 7 && digits <= 15 && balanced(s, i, candidateEnd)) {
				if (seen == null) {
					seen = new HashMap<>();
				}
				validateOnce(s, i, candidateEnd, seen, out);
			}
			i = Math.max(candidateEnd, i + 1);
		}
	}

	private static boolean balanced(String s, int start, int end) {
		int depth = 0;
		for (int i = start; i < end; i++) {
			char c = s.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	private void validateOnce(String s, int start, int end, Map<String, List<PiiEntity>> seen, List<PiiEntity> out) {
		String candidate = s.substring(start, end);
		List<PiiEntity> known = seen.get(candidate);
		if (known == null) {
			known = new ArrayList<>(2);
			validate(candidate, 0, candidate.length(), known);
			seen.put(candidate, known);
		}
		for (PiiEntity entity : known) {
			out.add(new PiiEntity(entity.type(), start, end, entity.score()));
		}
	}

	private void validate(String s, int start, int end, List<PiiEntity> out) {
		String candidate = s.substring(start, end);
		boolean international = candidate.charAt(0) == '+';
		boolean formatted = !Checksums.isDigits(international ? candidate.substring(1) : candidate);
		try {
			if (international) {
				PhoneNumber number = internationalNumber(candidate);
				if (this.util.isValidNumber(number)) {
					out.add(new PiiEntity(PiiTypes.PHONE_NUMBER, start, end, INTERNATIONAL));
					if (this.countrySpecificCodes.contains(number.getCountryCode())) {
						// the region lookup tries the patterns of every region of the
						// country code: only worth it where a region has its own type
						String region = this.util.getRegionCodeForNumber(number);
						countrySpecific(number, region, start, end, INTERNATIONAL, out);
					}
				}
				return;
			}
			if (!plausibleNational(candidate)) {
				return;
			}
			// two groups (2001-2003, 02110-1301, 633/1941) are as often a year range, a
			// ZIP+4 code or a reference as a phone number: they need context as bare
			// digits do
			double score = (formatted && digitGroups(candidate) > 2) ? NATIONAL_FORMATTED : NATIONAL_BARE;
			String digits = digitsOf(candidate);
			for (String region : this.regions) {
				PhoneNumber number = nationalNumber(digits, region);
				if (number != null && this.util.isValidNumberForRegion(number, region)) {
					out.add(new PiiEntity(PiiTypes.PHONE_NUMBER, start, end, score));
					break;
				}
			}
			for (String region : COUNTRY_SPECIFIC_REGIONS) {
				if ("PH".equals(region) && digits.charAt(0) != '0') {
					// Philippine numbers are written with the trunk prefix 0 or the
					// country code
					continue;
				}
				PhoneNumber number = nationalNumber(digits, region);
				if (number != null && this.util.isValidNumberForRegion(number, region)) {
					countrySpecific(number, region, start, end, score, out);
				}
			}
		}
		catch (NumberParseException ex) {
			// not a phone number
		}
	}

	/**
	 * The number an international candidate ({@code +} then digits and separators)
	 * denotes, as {@code PhoneNumberUtil.parse(candidate, "ZZ")} reads it.
	 */
	PhoneNumber internationalNumber(String candidate) throws NumberParseException {
		PhoneNumber nanp = nanpNumber(candidate);
		return (nanp != null) ? nanp : this.util.parse(candidate, "ZZ");
	}

	/**
	 * The number of a candidate written {@code +1} and ten digits of which the first is 2
	 * to 9 (a North American area code), built directly; {@code null} for any other
	 * candidate. The parser, which normalises the text with regular expressions and costs
	 * several times the validation, reads such a candidate the same way: country code 1
	 * (the only one starting with 1), and a national number that does not start with the
	 * trunk prefix 1 and has no leading zero, so nothing is stripped or marked.
	 */
	static PhoneNumber nanpNumber(String candidate) {
		if (candidate.length() < 12 || candidate.charAt(0) != '+' || candidate.charAt(1) != '1') {
			return null;
		}
		long national = 0;
		int digits = 0;
		for (int i = 2; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (PiiText.isDigit(c)) {
				if (digits == 0 && c < '2') {
					return null;
				}
				national = national * 10 + (c - '0');
				digits++;
			}
		}
		return (digits == 10) ? new PhoneNumber().setCountryCode(NANP).setNationalNumber(national) : null;
	}

	private static int digitGroups(String candidate) {
		int groups = 0;
		for (int i = 0; i < candidate.length(); i++) {
			if (PiiText.isDigit(candidate.charAt(i)) && (i == 0 || !PiiText.isDigit(candidate.charAt(i - 1)))) {
				groups++;
			}
		}
		return groups;
	}

	private static String digitsOf(String candidate) {
		StringBuilder digits = new StringBuilder(candidate.length());
		for (int i = 0; i < candidate.length(); i++) {
			if (PiiText.isDigit(candidate.charAt(i))) {
				digits.append(candidate.charAt(i));
			}
		}
		return digits.toString();
	}

	/**
	 * The number a national-format digit string denotes in a region: the region's trunk
	 * prefix (such as 0 or 1) removed, its country code set. Built directly rather than
	 * through {@code PhoneNumberUtil.parse}, which re-normalises the text with regular
	 * expressions and costs far more per region.
	 */
	private PhoneNumber nationalNumber(String digits, String region) {
		int countryCode = this.util.getCountryCodeForRegion(region);
		if (countryCode == 0) {
			return null;
		}
		String national = digits;
		String trunk = this.util.getNddPrefixForRegion(region, true);
		if (trunk != null && !trunk.isEmpty() && national.startsWith(trunk)) {
			national = national.substring(trunk.length());
		}
		if (national.isEmpty() || national.length() > 17) {
			return null;
		}
		PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
		if (national.charAt(0) == '0') {
			// numbering plans with significant leading zeros (Italy)
			number.setItalianLeadingZero(true);
			int zeros = 0;
			while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
				zeros++;
			}
			if (zeros > 1) {
				number.setNumberOfLeadingZeros(zeros);
			}
		}
		return number;
	}

	/**
	 * A cheap filter before the numbering plans are consulted: national numbers have 7 to
	 * 12 digits, and no group of one digit except a leading trunk prefix (which rules out
	 * dotted IPv4 addresses, version numbers and dates).
	 */
	static boolean plausibleNational(String candidate) {
		int digits = 0;
		int group = 0;
		int groups = 0;
		for (int i = 0; i <= candidate.length(); i++) {
			char c = (i < candidate.length()) ? candidate.charAt(i) : ' ';
			if (PiiText.isDigit(c)) {
				digits++;
				group++;
			}
			else if (group > 0) {
				groups++;
				if (group == 1 && !(groups == 1 && candidate.charAt(i - 1) == '0')) {
					return false;
				}
				group = 0;
			}
		}
		return digits >= 7 && digits <= 12 && !looksLikeDate(candidate);
	}

	/**
	 * Dates such as 2024-05-13, 13.05.2024 or 05/13/2024: three groups with one
	 * separator, a four-digit year first or last and a month of 1 to 12 next to it or in
	 * the middle.
	 */
	static boolean looksLikeDate(String candidate) {
		int[] groups = new int[4];
		int count = 0;
		char separator = 0;
		int value = 0;
		for (int i = 0; i <= candidate.length(); i++) {
			char c = (i < candidate.length()) ? candidate.charAt(i) : 0;
			if (PiiText.isDigit(c)) {
				value = value * 10 + (c - '0');
				continue;
			}
			if (count == 3) {
				break; // a date followed by a time or more numbers
			}
			if ((c != 0 && "-./".indexOf(c) < 0 && count < 2)
					|| (c != 0 && separator != 0 && c != separator && count < 2)) {
				return false;
			}
			if (c != 0) {
				separator = c;
			}
			groups[count++] = value;
			value = 0;
		}
		if (count < 3) {
			return false;
		}
		boolean yearFirst = groups[0] >= 1000 && groups[1] >= 1 && groups[1] <= 12 && groups[2] >= 1 && groups[2] <= 31;
		boolean yearLast = groups[2] >= 1000 && groups[0] >= 1 && groups[0] <= 31 && groups[1] >= 1 && groups[1] <= 31
				&& (groups[0] <= 12 || groups[1] <= 12);
		return yearFirst || yearLast;
	}

	private void countrySpecific(PhoneNumber number, String region, int start, int end, double score,
			List<PiiEntity> out) {
		if ("PH".equals(region) && this.util.getNumberType(number) == PhoneNumberType.MOBILE) {
			out.add(new PiiEntity(PH_MOBILE_NUMBER, start, end, Math.max(score, NATIONAL_FORMATTED)));
		}
		else if ("TR".equals(region)) {
			out.add(new PiiEntity(TR_PHONE_NUMBER, start, end, Math.max(score, NATIONAL_FORMATTED)));
		}
	}

}
