package dev.aisecurity.guard.pii;

import java.util.List;
import java.util.Set;

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

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final List<String> regions;

	public PhoneRecognizer() {
		this(DEFAULT_REGIONS);
	}

	public PhoneRecognizer(List<String> regions) {
		this.regions = List.copyOf(regions);
	}

	@Override
	public Set<String> types() {
		return Set.of(PiiTypes.PHONE_NUMBER, PH_MOBILE_NUMBER, TR_PHONE_NUMBER);
	}

	@Override
	public void recognize(PiiText text, List<PiiEntity> out) {
		String s = text.text();
		int n = s.length();
		int i = 0;
		while (i < n) {
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
			if (candidateEnd < n && PiiText.isWordChar(s.charAt(candidateEnd))) {
				i = Math.max(candidateEnd, i + 1);
				continue;
			}
			if (digits >= 7 && digits <= 15 && balanced(s, i, candidateEnd)) {
				validate(s, i, candidateEnd, out);
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

	private void validate(String s, int start, int end, List<PiiEntity> out) {
		String candidate = s.substring(start, end);
		boolean international = candidate.charAt(0) == '+';
		boolean formatted = !Checksums.isDigits(international ? candidate.substring(1) : candidate);
		try {
			if (international) {
				PhoneNumber number = this.util.parse(candidate, "ZZ");
				if (this.util.isValidNumber(number)) {
					out.add(new PiiEntity(PiiTypes.PHONE_NUMBER, start, end, INTERNATIONAL));
					String region = this.util.getRegionCodeForNumber(number);
					countrySpecific(number, region, start, end, INTERNATIONAL, out);
				}
				return;
			}
			double score = formatted ? NATIONAL_FORMATTED : NATIONAL_BARE;
			for (String region : this.regions) {
				PhoneNumber number = this.util.parse(candidate, region);
				if (this.util.isValidNumberForRegion(number, region)) {
					out.add(new PiiEntity(PiiTypes.PHONE_NUMBER, start, end, score));
					break;
				}
			}
			for (String region : List.of("PH", "TR")) {
				if ("PH".equals(region) && candidate.charAt(0) != '0') {
					// Philippine numbers are written with the trunk prefix 0 or the
					// country code
					continue;
				}
				PhoneNumber number = this.util.parse(candidate, region);
				if (this.util.isValidNumberForRegion(number, region)) {
					countrySpecific(number, region, start, end, score, out);
				}
			}
		}
		catch (NumberParseException ex) {
			// not a phone number
		}
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
