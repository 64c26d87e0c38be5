package dev.aisecurity.guard.pii;

import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of {@link PhoneRecognizer} around libphonenumber against the library
 * itself: North American numbers built without the parser, and the region lookup skipped
 * for country codes without a region of their own type.
 */
class PhoneFastPathTests {

	private static final String SEPARATORS = " -./()";

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	@Test
	void northAmericanNumbersAreBuiltAsTheParserReadsThem() throws NumberParseException {
		Random random = new Random(20261126);
		int built = 0;
		for (int run = 0; run < 20000; run++) {
			String candidate = randomInternational(random);
			PhoneNumber fast = PhoneRecognizer.nanpNumber(candidate);
			if (fast == null) {
				continue;
			}
			built++;
			PhoneNumber parsed = this.util.parse(candidate, "ZZ");
			assertThat(fast.exactlySameAs(parsed)).as(candidate).isTrue();
			assertThat(this.util.isValidNumber(fast)).as(candidate).isEqualTo(this.util.isValidNumber(parsed));
		}
		// the comparison means something only if the shortcut is taken often
		assertThat(built).isGreaterThan(5000);
	}

	@Test
	void internationalNumbersReadAsTheParserReadsThem() throws NumberParseException {
		PhoneRecognizer recognizer = new PhoneRecognizer();
		Random random = new Random(11);
		for (int run = 0; run < 20000; run++) {
			String candidate = randomInternational(random);
			PhoneNumber expected;
			try {
				expected = this.util.parse(candidate, "ZZ");
			}
			catch (NumberParseException ex) {
				assertThat(PhoneRecognizer.nanpNumber(candidate)).as(candidate).isNull();
				continue;
			}
			assertThat(recognizer.internationalNumber(candidate).exactlySameAs(expected)).as(candidate).isTrue();
		}
	}

	@Test
	void onlyTheCountryCodesOfRegionsWithTheirOwnTypeLeadThere() {
		int philippines = this.util.getCountryCodeForRegion("PH");
		int turkey = this.util.getCountryCodeForRegion("TR");
		int checked = 0;
		for (String region : this.util.getSupportedRegions()) {
			for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
				PhoneNumber example = this.util.getExampleNumberForType(region, type);
				if (example == null) {
					continue;
				}
				String found = this.util.getRegionCodeForNumber(example);
				if ("PH".equals(found) || "TR".equals(found)) {
					assertThat(example.getCountryCode()).isIn(philippines, turkey);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(1000);
	}

	@Test
	void internationalNumbersOfRegionsWithTheirOwnTypeGetIt() {
		assertThat(typesOf(example("PH", PhoneNumberUtil.PhoneNumberType.MOBILE)))
			.containsExactlyInAnyOrder(PiiTypes.PHONE_NUMBER, PhoneRecognizer.PH_MOBILE_NUMBER);
		assertThat(typesOf(example("TR", PhoneNumberUtil.PhoneNumberType.FIXED_LINE)))
			.containsExactlyInAnyOrder(PiiTypes.PHONE_NUMBER, PhoneRecognizer.TR_PHONE_NUMBER);
		assertThat(typesOf(example("DE", PhoneNumberUtil.PhoneNumberType.MOBILE)))
			.containsExactly(PiiTypes.PHONE_NUMBER);
	}

	private String example(String region, PhoneNumberUtil.PhoneNumberType type) {
		return this.util.format(this.util.getExampleNumberForType(region, type),
				PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
	}

	private static java.util.List<String> typesOf(String text) {
		java.util.List<PiiEntity> found = new java.util.ArrayList<>();
		new PhoneRecognizer().recognize(PiiText.of("call " + text + " today"), found);
		return found.stream().map(PiiEntity::type).toList();
	}

	/**
	 * A {@code +} and 7 to 15 digits with separators as the recogniser's scan lets them
	 * through, mostly {@code +1} and ten digits, some with a leading 0 or 1 in the area
	 * code, one digit too many or too few, or another country code.
	 */
	private static String randomInternational(Random random) {
		StringBuilder digits = new StringBuilder();
		int kind = random.nextInt(10);
		if (kind < 6) {
			digits.append('1').append((char) ('2' + random.nextInt(8)));
			appendDigits(digits, random, 9);
		}
		else if (kind == 6) {
			digits.append('1').append((char) ('0' + random.nextInt(2)));
			appendDigits(digits, random, 9);
		}
		else if (kind == 7) {
			digits.append('1');
			appendDigits(digits, random, random.nextBoolean() ? 9 : 11);
		}
		else {
			appendDigits(digits, random, 7 + random.nextInt(9));
		}
		StringBuilder candidate = new StringBuilder("+");
		for (int i = 0; i < digits.length(); i++) {
			candidate.append(digits.charAt(i));
			if (i + 1 < digits.length() && random.nextInt(4) == 0) {
				char separator = SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
				if (separator == '(') {
					// a bracketed group, as the scan's balance check requires
					int close = Math.min(digits.length() - 1, i + 1 + random.nextInt(3));
					candidate.append('(').append(digits, i + 1, close + 1).append(')');
					i = close;
					if (i + 1 < digits.length()) {
						candidate.append(' ');
					}
				}
				else if (separator != ')') {
					candidate.append(separator);
				}
			}
		}
		return candidate.toString();
	}

	private static void appendDigits(StringBuilder digits, Random random, int count) {
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
	}

}
